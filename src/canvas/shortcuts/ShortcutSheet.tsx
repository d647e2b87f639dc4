/** The sheet that lists every shortcut (`?`), from the command table the key handlers run (actions/commands.ts). */
import { useEffect, useRef } from 'react';
import { sheetGroups } from '../../actions/commands.ts';
import { keyText } from '../../actions/keys.ts';
import './shortcuts.css';

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="sb-sheet-backdrop" onMouseDown={onClose}>
      <div
        className="sb-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sb-sheet-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'Tab') {
            // Modal: the focus stays on its only control until it closes.
            e.preventDefault();
            closeButton.current?.focus();
          }
        }}
      >
        <header className="sb-sheet__head">
          <h2 id="sb-sheet-title">Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" className="sb-sheet__close" onClick={onClose} aria-label="Close">
            ×
          </button>
        </header>
        <div className="sb-sheet__groups">
          {sheetGroups().map(({ group, commands }) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <dl>
                {commands.map((command) => (
                  <div key={command.id} className="sb-sheet__row">
                    <dt>
                      {[...(command.keys ?? []).map((k) => keyText(k)), ...(command.gestures ?? [])].map((k, i) => (
                        <span key={k}>
                          {i > 0 && <span className="sb-sheet__or"> or </span>}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{command.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
