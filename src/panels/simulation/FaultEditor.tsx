/**
 * Failure injection: the faults of this run, and a form to add one to the selected command,
 * service or connection. The form asks only what the chosen kind of fault uses (FAULT_FORM), in
 * words, and says what the fault will do before it is injected (previewFault). A transient fault
 * on a command without a retry policy acts as a business failure: the form says so and adds the
 * policy in one click, as an edit of the design (see simulationStore's revise).
 */
import { useId, useMemo, useState } from 'react';
import { attemptsText, type Fault, type SagaDocument } from '../../model/index.ts';
import { updateNode } from '../../model/operations.ts';
import { FAULT_FORM, faultKindsFor, faultProblem, noFaultsReason, parseFaultField, type FaultFieldSpec, type FaultKind } from '../../simulation/faults.ts';
import { previewFault, type FaultPreview } from '../../simulation/faultPreview.ts';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { planOf } from '../../store/simulationRuns.ts';
import { faultLabel, useSimulationStore } from '../../store/simulationStore.ts';
import { FIRST_RETRY } from '../inspector/retryPolicy.ts';

export function FaultEditor() {
  const doc = useSimulationStore((s) => s.doc);
  const faults = useSimulationStore((s) => s.faults);
  const seed = useSimulationStore((s) => s.seed);
  const selection = useDesignStore((s) => s.selection);
  const picked = selection.nodes.length + selection.edges.length === 1 ? (selection.nodes[0] ?? selection.edges[0]) : undefined;
  if (!doc) return null;
  // A note or a group (spec §1.2a) is not part of the run: nothing to break there.
  const target = picked !== undefined && (doc.nodes.some((n) => n.id === picked) || doc.edges.some((e) => e.id === picked)) ? picked : undefined;
  const kinds = target ? faultKindsFor(doc, target) : [];
  return (
    <section className="sb-panel sb-faults" aria-labelledby="faults-heading" data-testid="fault-editor">
      <h2 className="sb-panel__title" id="faults-heading">
        Faults
      </h2>
      <RevisionNote />
      {faults.length === 0 ? (
        <p className="sb-faults__none">No faults: the run shows the design on a good day, with the failure rates drawn on its nodes.</p>
      ) : (
        <ul className="sb-faults__list" aria-label="Injected faults">
          {faults.map((f, i) => (
            <InjectedFault key={i} doc={doc} fault={f} index={i} />
          ))}
        </ul>
      )}
      {!target ? (
        <p className="sb-faults__hint">Select a command, a service or a connection on the canvas to inject a fault.</p>
      ) : kinds.length === 0 ? (
        <p className="sb-faults__hint" data-testid="no-faults-here">
          {noFaultsReason(doc, target)}
        </p>
      ) : (
        <AddFault key={target} doc={doc} target={target} kinds={kinds} />
      )}
      <SeedField seed={seed} />
    </section>
  );
}

function InjectedFault({ doc, fault, index }: { doc: SagaDocument; fault: Fault; index: number }) {
  const said = useMemo(() => previewFault(planOf(doc), fault).text, [doc, fault]);
  const on = targetName(doc, fault.target);
  return (
    <li className="sb-faults__item">
      <div className="sb-faults__row">
        <span className="sb-faults__target">{on}</span>
        <span className="sb-faults__label">{faultLabel(fault)}</span>
        <button type="button" className="sb-link-button" onClick={() => useSimulationStore.getState().removeFault(index)} aria-label={`Remove fault ${faultLabel(fault)} on ${on}`}>
          Remove
        </button>
      </div>
      <p className="sb-faults__said">{said}</p>
    </li>
  );
}

/** The initial choice: a business failure where it can happen, else a duplicate. */
const firstKind = (kinds: readonly FaultKind[]): FaultKind => (kinds.includes('businessFailure') ? 'businessFailure' : kinds.includes('duplicate') ? 'duplicate' : kinds[0]!);

function AddFault({ doc, target, kinds }: { doc: SagaDocument; target: string; kinds: readonly FaultKind[] }) {
  const id = useId();
  const [kind, setKind] = useState<FaultKind>(() => firstKind(kinds));
  // Typed text by the field's question: the same question keeps its answer from one kind to another.
  const [typed, setTyped] = useState<Readonly<Record<string, string>>>({});
  // Whether Inject was pressed since the kind changed: a required field left empty is refused only then.
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const spec = FAULT_FORM[kind];
  const fields = spec.fields.map((field) => {
    const text = typed[field.label] ?? '';
    const parsed = parseFaultField(field, text);
    return { field, text, parsed, error: !parsed.ok && (tried || text.trim() !== '') ? parsed.message : undefined };
  });
  const missing = fields.find((f) => f.field.required && f.text.trim() === '');
  const ready = fields.every((f) => f.parsed.ok);
  const fault = ready ? draft(target, kind, fields) : undefined;
  // Cheap: the plan is compiled once per design, and a fault hits a handful of handlings.
  const preview = fault && !faultProblem(doc, fault) ? previewFault(planOf(doc), fault) : undefined;
  const add = () => {
    setTried(true);
    if (!fault) return;
    const wrongTarget = faultProblem(doc, fault);
    if (wrongTarget) return setProblem(wrongTarget.charAt(0).toUpperCase() + wrongTarget.slice(1));
    setProblem(null);
    useSimulationStore.getState().addFault(fault);
  };
  const on = targetName(doc, target);
  return (
    <form
      className="sb-faults__form"
      aria-label={`Inject a fault on ${on}`}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <p className="sb-faults__on">
        On <strong>{on}</strong>
      </p>
      <label className="sb-field">
        <span className="sb-field__label">Fault</span>
        <select
          className="sb-input sb-select"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as FaultKind);
            setTried(false);
            setProblem(null);
          }}
          aria-describedby={`${id}-help`}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {FAULT_FORM[k].label}
            </option>
          ))}
        </select>
      </label>
      <p className="sb-field__help" id={`${id}-help`}>
        {spec.help}
      </p>
      <div className="sb-faults__fields" data-testid="fault-fields">
        {fields.map(({ field, text, error }) => (
          <FaultField
            key={field.label}
            spec={field}
            text={text}
            error={error}
            onChange={(value) => {
              setTyped((t) => ({ ...t, [field.label]: value }));
              setProblem(null);
            }}
          />
        ))}
      </div>
      {preview ? (
        <Preview preview={preview} />
      ) : (
        missing &&
        !tried && (
          <p className="sb-faults__said sb-faults__said--pending" data-testid="fault-preview">
            Say {missing.field.label.toLowerCase()} to see what will happen.
          </p>
        )
      )}
      {problem && (
        <p className="sb-field__error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="sb-button sb-button--primary">
        Inject fault
      </button>
    </form>
  );
}

/** The fault as the form's fields describe it; fields left empty or refused are left out. */
function draft(target: string, kind: FaultKind, fields: { field: FaultFieldSpec; parsed: ReturnType<typeof parseFaultField> }[]): Fault {
  const fault: Fault = { target, kind };
  for (const { field, parsed } of fields) if (parsed.ok && parsed.value !== undefined) fault[field.field] = parsed.value;
  return fault;
}

function FaultField({ spec, text, error, onChange }: { spec: FaultFieldSpec; text: string; error: string | undefined; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className={`sb-field${error ? ' sb-field--invalid' : ''}`}>
      <label className="sb-field__label" htmlFor={id}>
        {spec.label}
        {spec.unit && <span className="sb-visually-hidden"> ({spec.unit === 'ms' ? 'milliseconds' : 'percent'})</span>}
      </label>
      <div className="sb-field__control">
        <input
          id={id}
          className="sb-input"
          inputMode={spec.field === 'times' ? 'numeric' : 'decimal'}
          spellCheck={false}
          value={text}
          placeholder={spec.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-${error ? 'error' : 'help'}`}
          onChange={(e) => onChange(e.target.value)}
        />
        {spec.unit && (
          <span className="sb-field__unit" aria-hidden="true">
            {spec.unit}
          </span>
        )}
      </div>
      {error ? (
        <p id={`${id}-error`} className="sb-field__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-help`} className="sb-field__help">
          {spec.help}
        </p>
      )}
    </div>
  );
}

/** What the fault will do; for a transient fault that finds no retry policy, a warning with the one-click fix. */
function Preview({ preview }: { preview: FaultPreview }) {
  const shared = useDesignStore((s) => isReadOnlySource(s.source));
  const missing = preview.withoutRetry;
  const policy = `a retry policy (${attemptsText(FIRST_RETRY.maxAttempts)})`;
  const addRetry = () => {
    const ids = missing.map((m) => m.id);
    const who = names(missing.map((m) => m.name));
    useSimulationStore.getState().revise(
      (d) => ids.reduce((next, nid) => updateNode(next, nid, { retry: FIRST_RETRY }), d),
      `${who} now ${missing.length === 1 ? 'has' : 'have'} ${policy}.`,
    );
  };
  if (missing.length === 0)
    return (
      <div className="sb-faults__preview" data-testid="fault-preview">
        <span className="sb-faults__preview-title">What will happen</span>
        <p>{preview.text}</p>
      </div>
    );
  return (
    <div className="sb-faults__preview sb-faults__preview--warning" data-testid="fault-preview">
      <span className="sb-faults__preview-title" data-testid="retry-warning">
        <svg width="13" height="13" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
          <path d="M6 .9 11.4 10.6H.6z" fill="currentColor" strokeLinejoin="round" />
          <path d="M6 4.4v3" stroke="#fff" strokeWidth="1.5" strokeLinecap="round" />
          <circle cx="6" cy="9.1" r=".8" fill="#fff" />
        </svg>
        Acts as a business failure
      </span>
      <p>{preview.text}</p>
      <button type="button" className="sb-button sb-button--small sb-faults__fix" onClick={addRetry} disabled={shared}>
        Add {policy}
        {missing.length > 1 ? ` to ${names(missing.map((m) => m.name))}` : ''}
      </button>
      <p className="sb-faults__fix-note">
        {shared
          ? 'This shared design is a read-only preview: make your own copy to change it.'
          : 'A change to the design, undone like any other edit; the run starts again with the same faults.'}
      </p>
    </div>
  );
}

/** The change made from here to the design, with a way back while nothing else changed it. */
function RevisionNote() {
  const revision = useSimulationStore((s) => s.revision);
  const current = useDesignStore((s) => s.doc === revision?.after);
  if (!revision || !current) return null;
  return (
    <div className="sb-faults__revision" role="status" data-testid="revision-note">
      <svg width="14" height="14" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
        <path d="m2 6.4 2.6 2.6L10 3.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>
        {revision.note} The design changed: the run started again.
      </span>
      <button type="button" className="sb-link-button" onClick={() => useSimulationStore.getState().undoRevision()}>
        Undo
      </button>
    </div>
  );
}

/** `A`, `A and B`, `A, B and C`. */
const names = (all: readonly string[]) => (all.length > 1 ? `${all.slice(0, -1).join(', ')} and ${all.at(-1)}` : (all[0] ?? ''));

function SeedField({ seed }: { seed: number }) {
  const [text, setText] = useState(String(seed));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 0) return setProblem('The seed is a whole number, 0 or more.');
    setProblem(null);
    useSimulationStore.getState().setSeed(n);
  };
  return (
    <div className="sb-faults__seed">
      <label className="sb-field">
        <span className="sb-field__label">Seed</span>
        <input
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => apply(text)}
          onKeyDown={(e) => e.key === 'Enter' && apply(text)}
          aria-describedby="seed-help"
        />
      </label>
      <button
        type="button"
        className="sb-button"
        onClick={() => {
          const next = Math.floor(Math.random() * 1_000_000);
          setText(String(next));
          apply(String(next));
        }}
      >
        New seed
      </button>
      <p className="sb-field__help" id="seed-help">
        The same design, faults and seed always give the same run.
      </p>
      {problem && (
        <p className="sb-field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A node's name, or a connection as `Source → Target`. */
export function targetName(doc: SagaDocument, id: string): string {
  const node = doc.nodes.find((n) => n.id === id);
  if (node) return node.name;
  const edge = doc.edges.find((e) => e.id === id);
  if (!edge) return id;
  const name = (nid: string) => doc.nodes.find((n) => n.id === nid)?.name ?? nid;
  return `${name(edge.source)} → ${name(edge.target)}`;
}
