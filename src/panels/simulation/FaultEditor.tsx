/**
 * Failure injection: the faults of this run, and a form to add one to the selected command,
 * service or connection. Impossible settings are refused with a message (faultProblem).
 */
import { useId, useState } from 'react';
import type { Fault, SagaDocument } from '../../model/index.ts';
import { FAULT_LABEL, faultProblem, type FaultKind } from '../../simulation/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { faultLabel, useSimulationStore } from '../../store/simulationStore.ts';

const KINDS: FaultKind[] = ['businessFailure', 'transient', 'crash', 'duplicate', 'delay'];

const KIND_HELP: Record<FaultKind, string> = {
  businessFailure: 'The handling fails with a business failure: it emits its failure events and is not retried.',
  transient: 'The handling fails and is retried per the command’s retry policy; when attempts run out it becomes a business failure.',
  crash: 'The service crashes when the message arrives; messages wait until it restarts.',
  duplicate: 'The broker delivers the message twice: an idempotent handler ignores the copy.',
  delay: 'Delivery takes longer than usual.',
};

export function FaultEditor() {
  const doc = useSimulationStore((s) => s.doc);
  const faults = useSimulationStore((s) => s.faults);
  const seed = useSimulationStore((s) => s.seed);
  const selection = useDesignStore((s) => s.selection);
  const picked = selection.nodes.length + selection.edges.length === 1 ? (selection.nodes[0] ?? selection.edges[0]) : undefined;
  if (!doc) return null;
  // A note or a group (spec §1.2a) is not part of the run: nothing to break there.
  const target = picked !== undefined && (doc.nodes.some((n) => n.id === picked) || doc.edges.some((e) => e.id === picked)) ? picked : undefined;
  return (
    <section className="sb-panel sb-faults" aria-labelledby="faults-heading" data-testid="fault-editor">
      <h2 className="sb-panel__title" id="faults-heading">
        Faults
      </h2>
      {faults.length === 0 ? (
        <p className="sb-faults__none">No faults: the run shows the design on a good day, with the failure rates drawn on its nodes.</p>
      ) : (
        <ul className="sb-faults__list" aria-label="Injected faults">
          {faults.map((f, i) => (
            <li key={i} className="sb-faults__item">
              <span className="sb-faults__target">{targetName(doc, f.target)}</span>
              <span className="sb-faults__label">{faultLabel(f)}</span>
              <button type="button" className="sb-link-button" onClick={() => useSimulationStore.getState().removeFault(i)} aria-label={`Remove fault ${faultLabel(f)} on ${targetName(doc, f.target)}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {target ? <AddFault key={target} doc={doc} target={target} /> : <p className="sb-faults__hint">Select a command, a service or a connection on the canvas to inject a fault.</p>}
      <SeedField seed={seed} />
    </section>
  );
}

function AddFault({ doc, target }: { doc: SagaDocument; target: string }) {
  const id = useId();
  const node = doc.nodes.find((n) => n.id === target);
  const [kind, setKind] = useState<FaultKind>(node?.kind === 'service' || node?.kind === 'command' ? 'businessFailure' : 'duplicate');
  const [probability, setProbability] = useState('');
  const [times, setTimes] = useState('');
  const [delay, setDelay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const fault: Record<string, unknown> = { target, kind };
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    if (number(probability) !== undefined) fault.probability = number(probability);
    if (number(times) !== undefined) fault.times = number(times);
    if (number(delay) !== undefined) fault.delayMs = number(delay);
    const wrong = faultProblem(doc, fault);
    if (wrong) return setProblem(wrong);
    setProblem(null);
    useSimulationStore.getState().addFault(fault as Fault);
  };
  const showsTimes = kind !== 'crash' && kind !== 'delay';
  const delayLabel = kind === 'crash' ? 'Restart after (ms, empty = never)' : 'Extra delay (ms)';
  return (
    <form
      className="sb-faults__form"
      aria-label={`Inject a fault on ${targetName(doc, target)}`}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <p className="sb-faults__on">
        On <strong>{targetName(doc, target)}</strong>
      </p>
      <label className="sb-field">
        <span className="sb-field__label">Fault</span>
        <select className="sb-input sb-select" value={kind} onChange={(e) => setKind(e.target.value as FaultKind)} aria-describedby={`${id}-help`}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {FAULT_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <p className="sb-field__help" id={`${id}-help`}>
        {KIND_HELP[kind]}
      </p>
      <div className="sb-field-row">
        <label className="sb-field">
          <span className="sb-field__label">Probability (0–1)</span>
          <input className="sb-input" inputMode="decimal" value={probability} placeholder="1" onChange={(e) => setProbability(e.target.value)} />
        </label>
        {showsTimes && (
          <label className="sb-field">
            <span className="sb-field__label">Times</span>
            <input className="sb-input" inputMode="numeric" value={times} placeholder="every time" onChange={(e) => setTimes(e.target.value)} />
          </label>
        )}
      </div>
      {(kind === 'crash' || kind === 'delay') && (
        <label className="sb-field">
          <span className="sb-field__label">{delayLabel}</span>
          <input className="sb-input" inputMode="numeric" value={delay} placeholder={kind === 'crash' ? 'never' : '500'} onChange={(e) => setDelay(e.target.value)} />
        </label>
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
