/** Switches among the reference designs. Shows the one being opened, or the one on screen. */
import { EXAMPLES, isExampleId } from '../persistence/examples.ts';
import { useDesignSource, usePendingSource } from '../store/selectors.ts';
import { showExample } from './navigation.ts';

export function ExamplePicker() {
  const source = useDesignSource();
  const pending = usePendingSource();
  const current = pending ?? source;
  const value = current?.kind === 'example' ? current.id : '';
  return (
    <label className="sb-picker">
      <span className="sb-picker__label">Example</span>
      <select
        className="sb-picker__select"
        value={value}
        aria-busy={pending !== null}
        onChange={(e) => {
          if (isExampleId(e.target.value)) void showExample(e.target.value);
        }}
      >
        {value === '' && (
          <option value="" disabled>
            {source?.kind === 'file' ? 'Design from a file' : 'Choose an example'}
          </option>
        )}
        {EXAMPLES.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </select>
    </label>
  );
}
