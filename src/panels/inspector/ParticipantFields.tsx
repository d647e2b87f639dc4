/** Services and orchestrators: how they handle messages, and what the simulator assumes about them. */
import { DEFAULTS, orchestratorSchema, serviceSchema, type OrchestratorNode, type ServiceNode } from '../../model/index.ts';
import { CheckboxField, FieldGroup } from './ChoiceFields.tsx';
import { DraftField } from './DraftField.tsx';
import { patchNode } from './edits.ts';
import { parseNumberField } from './parseField.ts';

export function ServiceFields({ node }: { node: ServiceNode }) {
  const { id } = node;
  return (
    <>
      <FieldGroup title="Delivery">
        <CheckboxField
          label="Idempotent"
          checked={node.idempotent === true}
          // Off is the default: the attribute is left out rather than written as false.
          onChange={(on) => patchNode(id, { idempotent: on ? true : undefined })}
          help="A duplicate of a message it already handled has no further effect. Brokers deliver at least once."
        />
      </FieldGroup>
      <FieldGroup title="Simulation">
        <div className="sb-field-row">
          <DraftField
            label="Latency"
            unit="ms"
            numeric
            value={node.latencyMs}
            placeholder={`${DEFAULTS.serviceLatencyMs} ms (default)`}
            parse={(t) => parseNumberField(t, serviceSchema.shape.latencyMs, 'ms')}
            onCommit={(latencyMs) => patchNode(id, { latencyMs })}
          />
          <DraftField
            label="Failure rate"
            numeric
            value={node.failureRate}
            placeholder="0 (default)"
            parse={(t) => parseNumberField(t, serviceSchema.shape.failureRate)}
            onCommit={(failureRate) => patchNode(id, { failureRate })}
          />
        </div>
        <p className="sb-field__help">Mean handling time, and the probability that one handling fails on a business rule (0.05 = 1 in 20).</p>
      </FieldGroup>
    </>
  );
}

export function OrchestratorFields({ node }: { node: OrchestratorNode }) {
  const { id } = node;
  return (
    <>
      <FieldGroup title="Saga state">
        <CheckboxField
          label="Durable"
          checked={node.durable !== false}
          // On is the default: only "not durable" is written down.
          onChange={(on) => patchNode(id, { durable: on ? undefined : false })}
          help="Keeps the saga's state through a crash, so the saga resumes where it was."
        />
      </FieldGroup>
      <FieldGroup title="Simulation">
        <div className="sb-field-row">
          <DraftField
            label="Latency"
            unit="ms"
            numeric
            value={node.latencyMs}
            placeholder={`${DEFAULTS.orchestratorLatencyMs} ms (default)`}
            parse={(t) => parseNumberField(t, orchestratorSchema.shape.latencyMs, 'ms')}
            onCommit={(latencyMs) => patchNode(id, { latencyMs })}
            help="Mean time to handle one message."
          />
        </div>
      </FieldGroup>
    </>
  );
}
