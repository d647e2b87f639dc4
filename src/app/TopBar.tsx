/** Brand, the design's name and description, and the example picker. */
import { useDesignDescription, useDesignName } from '../store/selectors.ts';
import { ExamplePicker } from './ExamplePicker.tsx';
import { Logo } from './Logo.tsx';

export function TopBar() {
  const name = useDesignName();
  const description = useDesignDescription();
  return (
    <header className="sb-topbar">
      <div className="sb-brand">
        <Logo />
        <span className="sb-brand__name">Sagaboard</span>
      </div>
      <div className="sb-design">
        {name && (
          <h1 className="sb-design__name" data-testid="design-name">
            {name}
          </h1>
        )}
        {description && (
          <p className="sb-design__description" title={description}>
            {description}
          </p>
        )}
      </div>
      <ExamplePicker />
    </header>
  );
}
