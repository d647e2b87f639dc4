/** Commands: the saga step they are (Richardson's step types), their timeout and their retry policy. */
import { useRef } from 'react';
import { commandSchema, DEFAULTS, retryPolicySchema, retryPolicyText, STEP_TYPES, type CommandNode, type RetryPolicy, type StepType } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { validationOf } from '../../store/validation.ts';
import { CheckboxField, FieldGroup, SelectField } from './ChoiceFields.tsx';
import { graphOf } from './designGraph.ts';
import { DraftField } from './DraftField.tsx';
import { patchNode } from './edits.ts';
import { formatNumber, parseNumberField } from './parseField.ts';
import { FIRST_RETRY, withRetryValue, type OptionalRetryField } from './retryPolicy.ts';
import { inferredStepTypes, type InferredStepType } from './stepInference.ts';

const STEP: Readonly<Record<StepType, { label: string; help: string }>> = {
  auto: { label: 'Auto', help: 'Inferred when the command is a step that an orchestrator sends.' },
  compensatable: { label: 'Compensatable', help: 'Comes before the pivot; undone by its compensation if a later step fails.' },
  pivot: { label: 'Pivot', help: 'The go/no-go step: the last one that may fail on a business rule. Needs no compensation.' },
  retriable: { label: 'Retriable', help: 'Comes after the pivot; must eventually succeed when retried.' },
  query: { label: 'Query', help: 'Changes nothing, so it needs no compensation.' },
};

// The order people think in: auto first, then the steps as they occur in a saga.
const STEP_ORDER: readonly StepType[] = ['auto', ...STEP_TYPES.filter((s) => s !== 'auto')];

/** The choices, with what `auto` currently means for this command. */
const stepOptions = (inferred: InferredStepType | undefined) =>
  STEP_ORDER.map((value) => ({ value, label: value === 'auto' && inferred ? `Auto: ${STEP[inferred].label.toLowerCase()}` : STEP[value].label }));

export function CommandFields({ node }: { node: CommandNode }) {
  const { id } = node;
  const stepType = node.stepType ?? 'auto';
  const inferred = useDesignStore((s) => (s.doc && stepType === 'auto' ? inferredStepTypes(s.doc, validationOf(s.doc).coordinator).get(id) : undefined));
  const compensation = useDesignStore((s) => (s.doc ? graphOf(s.doc).isCompensation(id) : false));
  const help =
    compensation && stepType === 'auto'
      ? 'A compensation undoes a step rather than being one. It must eventually succeed: retry it, on an idempotent handler.'
      : inferred
        ? `Inferred from the design. ${STEP[inferred].help}`
        : STEP[stepType].help;
  return (
    <>
      <FieldGroup title="Saga step">
        <SelectField
          label="Step type"
          value={stepType}
          options={stepOptions(inferred)}
          onChange={(value) => patchNode(id, { stepType: value === 'auto' ? undefined : value })}
          help={help}
        />
        <DraftField
          label="Timeout"
          unit="ms"
          numeric
          value={node.timeoutMs}
          placeholder="No timeout (default)"
          parse={(t) => parseNumberField(t, commandSchema.shape.timeoutMs, 'ms')}
          onCommit={(timeoutMs) => patchNode(id, { timeoutMs })}
          help="How long the sender waits for the reply before it treats the step as failed."
        />
      </FieldGroup>
      <RetryFields node={node} />
    </>
  );
}

function RetryFields({ node }: { node: CommandNode }) {
  const { id, retry } = node;
  // Switching retries off and on again while the command stays selected brings the policy back.
  const lastPolicy = useRef<RetryPolicy | undefined>(undefined);
  const toggle = (on: boolean) => {
    if (!on) lastPolicy.current = retry;
    patchNode(id, { retry: on ? (lastPolicy.current ?? FIRST_RETRY) : undefined });
  };
  const change = (key: keyof RetryPolicy) => (value: number | undefined) => {
    if (retry) patchNode(id, { retry: withRetryValue(retry, key, value) });
  };
  const optional = (key: OptionalRetryField, label: string, unit: string | undefined, fallback: number) => (
    <DraftField
      label={label}
      unit={unit}
      numeric
      value={retry?.[key]}
      placeholder={`${formatNumber(fallback)}${unit ? ` ${unit}` : ''} (default)`}
      parse={(t) => parseNumberField(t, retryPolicySchema.shape[key], unit)}
      onCommit={change(key)}
    />
  );
  return (
    <FieldGroup title="Retries">
      <CheckboxField
        label="Retry on failure"
        checked={retry !== undefined}
        onChange={toggle}
        // The policy in words, as the ↻ badge on the canvas says it.
        help={retry ? `${retryPolicyText(retry)}.` : 'Not retried: a failed or timed-out attempt fails the step.'}
      />
      {retry && (
        <div className="sb-field-grid" data-testid="retry-policy">
          <DraftField
            label="Max attempts"
            numeric
            value={retry.maxAttempts}
            parse={(t) => parseNumberField(t, retryPolicySchema.shape.maxAttempts)}
            onCommit={change('maxAttempts')}
            help={retry.maxAttempts === 0 ? 'Unlimited.' : '0 = unlimited.'}
          />
          {optional('initialIntervalMs', 'First interval', 'ms', DEFAULTS.retry.initialIntervalMs)}
          {optional('backoffCoefficient', 'Backoff factor', '×', DEFAULTS.retry.backoffCoefficient)}
          {optional('maxIntervalMs', 'Max interval', 'ms', DEFAULTS.retry.maxIntervalMs)}
        </div>
      )}
    </FieldGroup>
  );
}
