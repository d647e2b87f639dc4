/**
 * One selected connection: what it means, between which nodes, and the attributes its meaning
 * allows (spec §1.2): `on` for outputs of a participant, `compensates` and per-input latency and
 * failure rate for inputs.
 */
import { useShallow } from 'zustand/react/shallow';
import {
  EDGE_MEANING_LABEL,
  edgeSchema,
  forbiddenConnectionHint,
  latencyOf,
  failureRateOf,
  type EdgeMeaning,
  type MessageNode,
  type SagaEdge,
  type SagaNode,
} from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useFocusOn } from '../useFocusOn.ts';
import { CheckboxField, FieldGroup, SelectField } from './ChoiceFields.tsx';
import { DraftField } from './DraftField.tsx';
import { graphOf } from './designGraph.ts';
import { compensatesChoices, consumedMessages, meaningOf, onChecklist, toggledOn } from './edgeChoices.ts';
import { patchEdge } from './edits.ts';
import { InspectorHeading } from './InspectorHeading.tsx';
import { NodeGlyph, NodeGlyphOf, nodeLook } from './nodeLook.tsx';
import { parseNumberField } from './parseField.ts';
import { SelectionProblems } from './SelectionProblems.tsx';

const NO_MESSAGES: readonly MessageNode[] = [];

export function EdgeInspector({ id }: { id: string }) {
  // Narrow read: this connection object (operations keep it while it does not change).
  const edge = useDesignStore((s) => s.doc?.edges.find((e) => e.id === id));
  return edge ? <EdgeDetails edge={edge} /> : null;
}

function EdgeDetails({ edge }: { edge: SagaEdge }) {
  const source = useDesignStore((s) => (s.doc ? graphOf(s.doc).node.get(edge.source) : undefined));
  const target = useDesignStore((s) => (s.doc ? graphOf(s.doc).node.get(edge.target) : undefined));
  const meaning = useDesignStore((s) => (s.doc ? meaningOf(s.doc, edge) : undefined));
  const tone = useEdgeTone(edge, meaning, source, target);
  return (
    <>
      <InspectorHeading glyph={<ConnectionGlyph tone={tone} />} title="Connection" id={edge.id} />
      <div className="sb-inspector__body">
        <div className={`sb-meaning sb-tone--${tone}`} data-testid="edge-meaning">
          <p className="sb-meaning__verb">{meaning ? capitalise(EDGE_MEANING_LABEL[meaning]) : 'Not allowed'}</p>
          <p className="sb-meaning__ends">
            from <NodeLink node={source} fallback={edge.source} /> to <NodeLink node={target} fallback={edge.target} />
          </p>
        </div>
        <MeaningFields edge={edge} meaning={meaning} source={source} target={target} />
      </div>
      <SelectionProblems concern={{ edge: edge.id }} what="this connection" />
    </>
  );
}

/** A line with an arrowhead, in the connection's colour. */
function ConnectionGlyph({ tone }: { tone: string }) {
  return (
    <span className={`sb-glyph sb-glyph--connection sb-tone--${tone}`} aria-hidden="true">
      <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="5" cy="12" r="2.2" />
        <path d="M7.5 12H19M14.5 7.5 19 12l-4.5 4.5" />
      </svg>
    </span>
  );
}

/** The connection's colour family, as drawn on the canvas. */
function useEdgeTone(edge: SagaEdge, meaning: EdgeMeaning | undefined, source?: SagaNode, target?: SagaNode): string {
  const compensationCommand = useDesignStore((s) => {
    if (!s.doc || (meaning !== 'sends' && meaning !== 'handledBy')) return false;
    return graphOf(s.doc).isCompensation(meaning === 'sends' ? edge.target : edge.source);
  });
  if (!meaning || !source || !target) return 'invalid';
  if (meaning === 'compensatedBy' || compensationCommand) return 'compensation';
  if (meaning === 'sends' || meaning === 'handledBy') return 'command';
  if (meaning === 'subscribedBy' && edge.compensates !== undefined) return 'compensation';
  const event = meaning === 'publishes' ? target : source;
  return event.kind === 'event' && event.outcome === 'failure' ? 'failure' : 'event';
}

/** A node named in the inspector: a button that selects it and brings it into view. */
function NodeLink({ node, fallback }: { node: SagaNode | undefined; fallback: string }) {
  const focusOn = useFocusOn();
  const compensation = useDesignStore((s) => (node && s.doc ? graphOf(s.doc).isCompensation(node.id) : false));
  if (!node) return <span className="sb-node-link sb-node-link--missing">{fallback} (missing)</span>;
  return (
    <button type="button" className="sb-node-link" title={`Select ${node.name}`} onClick={() => focusOn({ nodes: [node.id], edges: [] })}>
      <NodeGlyph look={nodeLook(node, compensation)} size={12} />
      {node.name}
    </button>
  );
}

interface MeaningFieldsProps {
  edge: SagaEdge;
  meaning: EdgeMeaning | undefined;
  source: SagaNode | undefined;
  target: SagaNode | undefined;
}

function MeaningFields({ edge, meaning, source, target }: MeaningFieldsProps) {
  if (!source || !target) return <p className="sb-note">One end of this connection is not in the design. Delete it, or draw it again between two nodes.</p>;
  if (!meaning) return <p className="sb-note">{capitalise(forbiddenConnectionHint(source.kind, target.kind))}.</p>;
  switch (meaning) {
    case 'sends':
    case 'publishes':
      return source.kind === 'actor' ? (
        <p className="sb-note">{source.name} starts the process with this command: it is a trigger.</p>
      ) : (
        <OnField edge={edge} source={source} />
      );
    case 'handledBy':
    case 'subscribedBy':
      return <InputFields edge={edge} meaning={meaning} handler={target} />;
    case 'compensatedBy':
      return (
        <p className="sb-note">
          {target.name} undoes {source.name}: the orchestrator sends it, while compensating, for every {source.name} that completed. The same service should handle
          both.
        </p>
      );
  }
}

/** `on`: the consumed messages in response to which this output is emitted. */
function OnField({ edge, source }: { edge: SagaEdge; source: SagaNode }) {
  // Node objects and names: stable between documents unless they change, so shallow equality holds.
  const consumed = useDesignStore(useShallow((s) => (s.doc ? consumedMessages(s.doc, edge.source) : NO_MESSAGES)));
  const onNames = useDesignStore(useShallow((s) => (edge.on ?? []).map((m) => (s.doc ? graphOf(s.doc).node.get(m)?.name : undefined))));
  const targetIsCompensation = useDesignStore((s) => (s.doc ? graphOf(s.doc).isCompensation(edge.target) : false));
  const nameOf = (m: string) => onNames[(edge.on ?? []).indexOf(m)];
  const list = onChecklist(edge, consumed, nameOf, targetIsCompensation);
  const toggle = (messageId: string, checked: boolean) => patchEdge(edge.id, { on: toggledOn(list, messageId, checked) });
  return (
    <FieldGroup title="In response to" className="sb-on">
      {list.choices.length === 0 ? (
        <p className="sb-note">{source.name} consumes no message yet. Connect a command or an event to it first.</p>
      ) : (
        <>
          <p className="sb-field__help sb-on__intro">
            The messages {source.name} consumes. Tick those this output answers.
          </p>
          <ul className="sb-checklist" aria-label="In response to">
            {list.choices.map((c) => (
              <li key={c.id}>
                <CheckboxField
                  label={
                    <>
                      <NodeGlyphOf id={c.id} />
                      {c.name}
                      {c.stray && <span className="sb-tag sb-tag--off">not consumed</span>}
                    </>
                  }
                  checked={c.checked}
                  disabled={list.implicit !== undefined}
                  onChange={(checked) => toggle(c.id, checked)}
                />
              </li>
            ))}
          </ul>
          {list.implicit && (
            <p className="sb-note sb-note--info" data-testid="on-default-note">
              {source.name} consumes only {list.implicit.name}, so this output answers it by default.
            </p>
          )}
          {list.whileCompensating && (
            <p className="sb-note sb-note--info">Nothing ticked: sent while compensating, after a failure.</p>
          )}
        </>
      )}
    </FieldGroup>
  );
}

/** `compensates`, and the handler's latency and failure rate for this one input. */
function InputFields({ edge, meaning, handler }: { edge: SagaEdge; meaning: 'handledBy' | 'subscribedBy'; handler: SagaNode }) {
  const consumed = useDesignStore(useShallow((s) => (s.doc && meaning === 'subscribedBy' ? consumedMessages(s.doc, edge.target) : NO_MESSAGES)));
  const compensatesName = useDesignStore((s) => (s.doc && edge.compensates !== undefined ? graphOf(s.doc).node.get(edge.compensates)?.name : undefined));
  const choices = compensatesChoices(edge, consumed, () => compensatesName);
  const options = [{ value: '', label: 'Nothing' }, ...choices.map((c) => ({ value: c.id, label: c.stray ? `${c.name} (not consumed)` : c.name }))];
  return (
    <>
      {meaning === 'subscribedBy' && (
        <FieldGroup title="Compensation">
          <SelectField
            label="Compensates"
            value={edge.compensates ?? ''}
            options={options}
            onChange={(value) => patchEdge(edge.id, { compensates: value === '' ? undefined : value })}
            help={`Handling this event undoes ${handler.name}’s earlier handling of the chosen message.`}
          />
        </FieldGroup>
      )}
      <FieldGroup title={`Handling by ${handler.name}`}>
        <div className="sb-field-row">
          <DraftField
            label="Latency"
            unit="ms"
            numeric
            value={edge.latencyMs}
            placeholder={`${latencyOf(handler)} ms (default)`}
            parse={(t) => parseNumberField(t, edgeSchema.shape.latencyMs, 'ms')}
            onCommit={(latencyMs) => patchEdge(edge.id, { latencyMs })}
          />
          <DraftField
            label="Failure rate"
            numeric
            value={edge.failureRate}
            placeholder={`${failureRateOf(handler)} (default)`}
            parse={(t) => parseNumberField(t, edgeSchema.shape.failureRate)}
            onCommit={(failureRate) => patchEdge(edge.id, { failureRate })}
          />
        </div>
        <p className="sb-field__help">Left empty, {handler.name}’s own latency and failure rate apply to this message.</p>
      </FieldGroup>
    </>
  );
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
