/** Brand, the design's name (and whether it is saved) and description, the design list and the example picker. */
import { useDesignDescription, useDesignName } from '../store/selectors.ts';
import { DesignMenu } from './designs/DesignMenu.tsx';
import { SaveState } from './designs/SaveState.tsx';
import { SimulateButton } from '../panels/simulation/SimulateButton.tsx';
import { UndoButtons } from './history/UndoButtons.tsx';
import { LiveControls, LiveState } from './live/LiveControls.tsx';
import { ExamplePicker } from './ExamplePicker.tsx';
import { ExportMenu } from './exporting/ExportMenu.tsx';
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
          <div className="sb-design__heading">
            <h1 className="sb-design__name" data-testid="design-name">
              {name}
            </h1>
            <SaveState />
            <LiveState />
          </div>
        )}
        {description && (
          <p className="sb-design__description" title={description}>
            {description}
          </p>
        )}
      </div>
      <LiveControls />
      <UndoButtons />
      <SimulateButton />
      <ExportMenu />
      <DesignMenu />
      <ExamplePicker />
    </header>
  );
}
