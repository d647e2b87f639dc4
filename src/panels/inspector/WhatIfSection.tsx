/**
 * The inspector's “What if” for one message or participant (issue: choosing a style): who changes
 * with the message's schema, or what stops while the participant is down — with a button that
 * lights it up on the canvas, and for a participant one that simulates it crashing mid-saga. The
 * answer is worked out by the canvas (src/canvas/whatIf/WhatIfWatcher.tsx), off the main thread
 * for a participant.
 */
import type { SagaNode } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useHighlightStore } from '../../store/highlightStore.ts';
import { crashSentence, downSentence, durableSentence, highlightOf, namesIn, originOf, schemaSentence, useWhatIfStore, whatIfKind } from '../../store/whatIfStore.ts';
import { FieldGroup } from './ChoiceFields.tsx';
import { simulateCrash } from './simulateCrash.ts';

export function WhatIfSection({ node }: { node: SagaNode }) {
  const kind = whatIfKind(node);
  const answer = useWhatIfStore((s) => (s.answer?.key === node.id && s.answer.kind === kind ? s.answer : null));
  const shown = useHighlightStore((s) => kind !== null && s.highlight?.key === node.id && s.highlight.origin === originOf(kind));
  // The names it says, as they are now (the answer holds ids).
  const sentence = useDesignStore((s) => {
    if (!answer) return null;
    const name = namesIn(s.doc);
    return answer.kind === 'schema' ? schemaSentence(name(node.id), answer.touched, name) : downSentence(name(node.id), answer);
  });
  const crash = answer?.kind === 'down' && answer.state === 'done' && answer.result.nodes !== null ? answer.result.crash : null;
  const crashWords = useDesignStore((s) => (crash ? crashSentence(node.name, crash, namesIn(s.doc)) : null));
  if (!kind) return null;
  const toggle = () => {
    if (!answer) return;
    const highlights = useHighlightStore.getState();
    if (shown) highlights.clear(originOf(answer.kind));
    else highlights.show(highlightOf(answer, namesIn(useDesignStore.getState().doc)));
  };
  const working = answer?.kind === 'down' && answer.state === 'working';
  return (
    <FieldGroup title="What if" className="sb-whatif">
      <p className="sb-whatif__answer" data-testid="what-if-answer" data-state={working ? 'working' : answer ? 'done' : 'waiting'} aria-live="polite">
        {sentence === null ? 'Working it out…' : `${sentence.replace(/…$/, '')}${sentence.endsWith('…') ? '…' : '.'}`}
      </p>
      <div className="sb-whatif__actions">
        <button type="button" className={`sb-button sb-button--small sb-whatif__show${shown ? ' sb-whatif__show--on' : ''}`} aria-pressed={shown} disabled={!answer} onClick={toggle}>
          Show on canvas
        </button>
        {kind === 'down' && (
          <button type="button" className="sb-button sb-button--small sb-button--primary" disabled={!crash} onClick={() => crash && void simulateCrash(crash.fault)}>
            Simulate a crash
          </button>
        )}
      </div>
      {crashWords && <p className="sb-field__help">{crashWords}</p>}
      {node.kind === 'orchestrator' && (
        <p className="sb-note" data-testid="what-if-durable">
          {durableSentence(node.name, node.durable !== false)}
        </p>
      )}
    </FieldGroup>
  );
}
