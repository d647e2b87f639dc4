/**
 * A text or number field whose every keystroke reaches the document (a moment later, see
 * store/typing.ts) when the schema accepts the text; text it refuses keeps the last accepted
 * value in the document and says what is wrong in place. One field edit — until the field is
 * left or Enter pressed — is one undo step; Escape brings back the value from before the edit.
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cancelTyping, finishTyping, typeInto } from '../../store/typing.ts';
import { shortened } from '../../model/index.ts';
import type { Parsed } from './parseField.ts';

interface DraftFieldProps<T extends string | number> {
  label: string;
  /** The stored value; undefined when the attribute is absent (its default applies). */
  value: T | undefined;
  parse: (text: string) => Parsed<T>;
  /**
   * The change to the document for an accepted value (undefined removes the attribute): called
   * inside the document's update, once typing pauses.
   */
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
  // The value this field sent to the document last: when it arrives, the text typed stays as it
  // is (with its spaces); any other change of the stored value (undo, another panel) replaces it.
  const [sent, setSent] = useState<{ value: T | undefined } | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (sent === null || sent.value !== value) setDraft(null);
  }
  const text = draft ?? (value === undefined ? '' : String(value));
  const parsed = draft === null ? undefined : parse(draft);
  // Refused text is never stored: say what the design keeps meanwhile.
  const kept = value === undefined ? 'the default' : `“${shortened(String(value))}”`;
  const error = parsed && !parsed.ok ? `${parsed.message} The design keeps ${kept}.` : undefined;

  // Leaving the inspector (another selection, simulation mode) ends the edit with what was typed.
  useEffect(() => () => finishTyping(id), [id]);

  const change = (next: string) => {
    setDraft(next);
    const result = parse(next);
    if (!result.ok) return;
    setSent({ value: result.value });
    typeInto(id, () => onCommit(result.value));
  };

  const finish = () => {
    finishTyping(id);
    setSent(null);
    if (parsed === undefined || parsed.ok) setDraft(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      finish();
    } else if (e.key === 'Escape' && draft !== null) {
      e.preventDefault();
      cancelTyping(id);
      setSent(null);
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
    onBlur: finish,
  } as const;

  return (
    <div className={`sb-field${error ? ' sb-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="sb-field__label" htmlFor={id}>
        {label}
        {unit && <span className="sb-visually-hidden"> ({unit})</span>}
      </label>
      <div className="sb-field__control">
        {multiline ? (
          <textarea {...common} className="sb-input sb-input--multiline" rows={3} onChange={(e) => change(e.target.value)} />
        ) : (
          <input {...common} className="sb-input" type="text" spellCheck={false} inputMode={numeric ? 'decimal' : undefined} onChange={(e) => change(e.target.value)} />
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
