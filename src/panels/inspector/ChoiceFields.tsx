/** Checkboxes and selects: a click is a decision, so they change the document at once (one undo step each). */
import { useId, type ReactNode } from 'react';

interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  help?: ReactNode;
  disabled?: boolean;
  className?: string;
}

export function CheckboxField({ label, checked, onChange, help, disabled = false, className }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className={`sb-check${disabled ? ' sb-check--disabled' : ''}${className ? ` ${className}` : ''}`}>
      <input
        id={id}
        className="sb-check__box"
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="sb-check__label" htmlFor={id}>
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="sb-check__help">
          {help}
        </p>
      )}
    </div>
  );
}

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  help?: ReactNode;
  className?: string;
}

export function SelectField<T extends string>({ label, value, options, onChange, help, className }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className={`sb-field${className ? ` ${className}` : ''}`}>
      <label className="sb-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="sb-input sb-select"
        value={value}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help && (
        <p id={`${id}-help`} className="sb-field__help">
          {help}
        </p>
      )}
    </div>
  );
}

/** A titled group of fields inside the inspector. */
export function FieldGroup({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`sb-group${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="sb-group__title">
        {title}
      </h3>
      {children}
    </section>
  );
}
