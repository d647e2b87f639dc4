/** Events: a success or a failure fact, and whether it ends the process. */
import type { EventNode } from '../../model/index.ts';
import { CheckboxField, FieldGroup, SelectField } from './ChoiceFields.tsx';
import { patchNode } from './edits.ts';

type Outcome = NonNullable<EventNode['outcome']>;

const OUTCOME_OPTIONS: readonly { value: Outcome; label: string }[] = [
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
];

const OUTCOME_HELP: Readonly<Record<Outcome, string>> = {
  success: 'Published when its producer handles a message successfully.',
  failure: 'Published when its producer’s handling fails on a business rule, like PaymentFailed.',
};

export function EventFields({ node }: { node: EventNode }) {
  const { id } = node;
  const outcome = node.outcome ?? 'success';
  return (
    <FieldGroup title="Fact">
      <SelectField
        label="Outcome"
        value={outcome}
        options={OUTCOME_OPTIONS}
        onChange={(value) => patchNode(id, { outcome: value === 'success' ? undefined : value })}
        help={OUTCOME_HELP[outcome]}
      />
      <CheckboxField
        label="Ends the process (terminal)"
        checked={node.terminal === true}
        onChange={(on) => patchNode(id, { terminal: on ? true : undefined })}
        help="An end of the process: it may have no subscriber."
      />
    </FieldGroup>
  );
}
