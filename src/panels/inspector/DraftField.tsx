/**
 * A text or number field that keeps what is being typed to itself: the document changes once,
 * on Enter or when the field loses focus, and only when the schema accepts the text. Escape
 * brings back the stored value. While typing, only this field re-renders.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Parsed } from './parseField.ts';

interface DraftFieldProps<T extends string | number> {
  label: string;
  /** The stored value; undefined when the attribute is absent (its default applies). */
  value: T | undefined;
  parse: (text: string) => Parsed<T>;
  /** Called once per accepted change; undefined removes the attribute. */
  onCommit: (value: T | undefined) => void;
  /** Shown when the field is empty: the default, e.g. "20 ms (default)". */
  placeholder?: string;
  /** Shown after the number once one is typed, e.g. "ms". */
  unit?: string;
  help?: ReactNode;
  /** A description: several lines, Enter starts a new line and Ctrl+Enter commits. */
  multiline?: boolean;
  numeric?: boolean;
  className?: string;
}

export function DraftField<T extends string | number>({
  label,
  value,
  parse,
  onCommit,
  placeholder,
  unit,
  help,
  multiline = false,
  numeric = false,
  className,
}: DraftFieldProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The stored value changed elsewhere (undo, another panel): it replaces whatever was pending.
    setShown(value);
    setDraft(null);
  }
  const text = draft ?? (value === undefined ? '' : String(value));
  const parsed = draft === null ? undefined : parse(draft);
  const error = parsed && !parsed.ok ? parsed.message : undefined;

  const commit = () => {
    if (!parsed?.ok) return;
    if (parsed.value !== value) onCommit(parsed.value);
    setDraft(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      setDraft(null);
    }
  };

  const describedBy = error ? `${id}-error` : help ? `${id}-help` : undefined;
  const common = {
    id,
    value: text,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    autoComplete: 'off',
    onKeyDown,
    onBlur: commit,
  } as const;

  return (
    <div className={`sb-field${error ? ' sb-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="sb-field__label" htmlFor={id}>
        {label}
        {unit && <span className="sb-visually-hidden"> ({unit})</span>}
      </label>
      <div className="sb-field__control">
        {multiline ? (
          <textarea {...common} className="sb-input sb-input--multiline" rows={3} onChange={(e) => setDraft(e.target.value)} />
        ) : (
          <input {...common} className="sb-input" type="text" spellCheck={false} inputMode={numeric ? 'decimal' : undefined} onChange={(e) => setDraft(e.target.value)} />
        )}
        {unit && (
          <span className="sb-field__unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </div>
      {error && (
        <p id={`${id}-error`} className="sb-field__error" role="alert">
          {error}
        </p>
      )}
      {help && !error && (
        <p id={`${id}-help`} className="sb-field__help">
          {help}
        </p>
      )}
    </div>
  );
}
