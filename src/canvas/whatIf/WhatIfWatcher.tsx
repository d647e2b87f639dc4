/**
 * Works out the what-if of the one message or participant selected in the editor, and keeps the
 * canvas's highlight of it up to date. A message's schema change is structural and cheap: it is
 * worked out here. What stops while a participant is down runs the simulator: it goes to the
 * analysis worker, at once for a new selection and 300 ms after the last edit of the design
 * (moving nodes changes nothing, so it does not ask again). Renders nothing.
 */
import { useEffect, useRef } from 'react';
import type { SagaDocument } from '../../model/index.ts';
import { touchedBy } from '../../model/measures/schemaChange.ts';
import { graphOf } from '../../panels/inspector/designGraph.ts';
import { useAnalysisWorker } from '../../panels/workers/useAnalysisWorker.ts';
import { isReadOnlySource, useDesignStore, type DesignState } from '../../store/designStore.ts';
import { useHighlightStore, type Highlight } from '../../store/highlightStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { highlightOf, namesIn, originOf, sameForSimulation, useWhatIfStore, whatIfKind, type WhatIfAnswer } from '../../store/whatIfStore.ts';

/** Edits come in bursts (typing, nudging): the worker is asked once they pause this long. */
export const WHAT_IF_DEBOUNCE_MS = 300;

/** `schema:<id>` or `down:<id>` for the one message or participant selected, else null. */
function askedOf(s: DesignState): string | null {
  const { selection, doc } = s;
  if (!doc || isReadOnlySource(s.source) || selection.nodes.length !== 1 || selection.edges.length !== 0) return null;
  const id = selection.nodes[0]!;
  const kind = whatIfKind(doc.nodes.find((n) => n.id === id));
  return kind ? `${kind}:${id}` : null;
}

const isWhatIf = (h: Highlight | null): h is Highlight => h !== null && (h.origin === 'schemaChange' || h.origin === 'down');

export function WhatIfWatcher() {
  const doc = useDesignStore((s) => s.doc);
  const asked = useDesignStore(askedOf);
  const simulating = useSimulationStore((s) => s.active);
  const on = useWhatIfStore((s) => s.on);
  const answer = useWhatIfStore((s) => s.answer);
  const setAnswer = useWhatIfStore((s) => s.setAnswer);
  const { status, start, cancel } = useAnalysisWorker<'down'>();

  const live = simulating ? null : asked;
  const kind = live ? (live.slice(0, live.indexOf(':')) as WhatIfAnswer['kind']) : null;
  const id = live ? live.slice(live.indexOf(':') + 1) : null;

  // The job the worker runs: for whom, on which design, and the status it replaced (not its answer).
  const job = useRef<{ key: string; doc: SagaDocument; before: unknown } | null>(null);
  const statusNow = useRef(status);
  useEffect(() => void (statusNow.current = status));

  // Nothing to answer, or a message: no job for the worker.
  useEffect(() => {
    if (kind === 'down') return;
    job.current = null;
    cancel();
    if (kind === null) setAnswer(null);
  }, [kind, cancel, setAnswer]);

  // A message: who changes with its schema.
  useEffect(() => {
    if (kind !== 'schema' || !id || !doc) return;
    const touched = touchedBy(graphOf(doc), id);
    const now = useWhatIfStore.getState().answer;
    // Most edits (a move, a rename) leave the answer as it was: nothing to tell anyone.
    if (now?.kind === 'schema' && now.key === id && now.touched.length === touched.length && now.touched.every((t, i) => t === touched[i])) return;
    setAnswer({ kind: 'schema', key: id, touched });
  }, [kind, id, doc, setAnswer]);

  // A participant: what stops while it is down, off the main thread.
  useEffect(() => {
    if (kind !== 'down' || !id || !doc) return;
    const previous = job.current;
    if (previous?.key === id && sameForSimulation(previous.doc, doc)) return;
    const ask = () => {
      job.current = { key: id, doc, before: statusNow.current };
      start({ job: 'down', doc, participant: id }, 1);
    };
    if (previous?.key !== id) {
      setAnswer({ kind: 'down', key: id, state: 'working' });
      return ask();
    }
    // The design changed under the answer shown: it stays until the new one comes.
    const timer = window.setTimeout(ask, WHAT_IF_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [kind, id, doc, start, setAnswer]);

  useEffect(() => {
    const current = job.current;
    if (!current || kind !== 'down' || current.key !== id || status === current.before) return;
    if (status.state === 'done') setAnswer({ kind: 'down', key: current.key, state: 'done', result: status.result });
    else if (status.state === 'error') setAnswer({ kind: 'down', key: current.key, state: 'error', message: status.message });
  }, [status, kind, id, setAnswer]);

  useHighlightSync(answer, on, doc);
  return null;
}

/**
 * The canvas shows the answer while what-if mode is on, or while the inspector's “Show on canvas”
 * is pressed for it; either way it follows the design as it changes. A highlight the user
 * cleared (Clear, Escape) stays cleared until the selection changes or the mode is turned on
 * again; another selection, no selection, or the mode turned off clear it.
 */
function useHighlightSync(answer: WhatIfAnswer | null, on: boolean, doc: SagaDocument | null): void {
  const dismissed = useRef<string | null>(null);
  const lastKey = useRef<string | null>(null);
  const wasOn = useRef(on);

  useEffect(
    () =>
      useHighlightStore.subscribe((s, previous) => {
        if (s.highlight === null && isWhatIf(previous.highlight)) dismissed.current = previous.highlight.key;
      }),
    [],
  );

  useEffect(() => {
    const store = useHighlightStore.getState();
    const shown = isWhatIf(store.highlight) ? store.highlight : null;
    const turnedOff = wasOn.current && !on;
    const turnedOn = !wasOn.current && on;
    wasOn.current = on;
    if (shown && (turnedOff || shown.key !== answer?.key || shown.origin !== (answer && originOf(answer.kind)))) store.clear(shown.origin);
    if (turnedOn || answer?.key !== lastKey.current) dismissed.current = null;
    lastKey.current = answer?.key ?? null;
    if (!answer) return;
    const stillShown = !turnedOff && shown?.key === answer.key && shown.origin === originOf(answer.kind);
    if (!stillShown && !(on && dismissed.current !== answer.key)) return;
    const next = highlightOf(answer, namesIn(doc));
    const current = useHighlightStore.getState().highlight;
    if (current && current.key === next.key && current.label === next.label && current.origin === next.origin && sameIds(current.ids, next.ids)) return;
    store.show(next);
  }, [answer, on, doc]);
}

function sameIds(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((id) => a.has(id));
}
