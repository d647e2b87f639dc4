/** “Open a file…”: picks a design file from the computer and imports it. */
import { useRef } from 'react';
import { importFile } from '../../store/importing.ts';

export function OpenFileButton({ className, onPicked }: { className: string; onPicked?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
          <path d="M2 4.5V11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5.5a1 1 0 0 0-1-1H7L5.8 3H3a1 1 0 0 0-1 1.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        Open a file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          onPicked?.();
          void importFile(file);
        }}
      />
    </>
  );
}
