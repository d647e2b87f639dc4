/** One selected node: its kind, name and description, the attributes of its kind, and its problems. */
import { actorSchema, commandSchema, eventSchema, orchestratorSchema, serviceSchema, type SagaNode } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { CommandFields } from './CommandFields.tsx';
import { DraftField } from './DraftField.tsx';
import { graphOf } from './designGraph.ts';
import { patchNode } from './edits.ts';
import { EventFields } from './EventFields.tsx';
import { InspectorHeading } from './InspectorHeading.tsx';
import { NodeGlyph, nodeLook } from './nodeLook.tsx';
import { parseLongTextField, parseTextField } from './parseField.ts';
import { OrchestratorFields, ServiceFields } from './ParticipantFields.tsx';
import { SelectionProblems } from './SelectionProblems.tsx';
import { WhatIfSection } from './WhatIfSection.tsx';
import { NodeGroupLine } from './AnnotationInspectors.tsx';

/** What a description of each kind usually says. */
const DESCRIBE: Readonly<Record<SagaNode['kind'], string>> = {
  actor: 'Who they are, and what they want',
  service: 'What it owns and does',
  orchestrator: 'Which saga it runs',
  command: 'What it asks for',
  event: 'What happened, and what it carries',
};

const SCHEMA = { actor: actorSchema, service: serviceSchema, orchestrator: orchestratorSchema, command: commandSchema, event: eventSchema } as const;

export function NodeInspector({ id }: { id: string }) {
  // Narrow reads: this node object (kept by every operation that does not change it) and one flag.
  const node = useDesignStore((s) => s.doc?.nodes.find((n) => n.id === id));
  const compensation = useDesignStore((s) => (s.doc ? graphOf(s.doc).isCompensation(id) : false));
  if (!node) return null;
  const look = nodeLook(node, compensation);
  const shape = SCHEMA[node.kind].shape;
  return (
    <>
      <InspectorHeading glyph={<NodeGlyph look={look} size={15} />} title={look.caption} id={node.id} />
      <div className="sb-inspector__body">
        <DraftField
          label="Name"
          value={node.name}
          parse={(t) => parseTextField(t, shape.name)}
          onCommit={(name) => patchNode(id, { name })}
          className="sb-field--name"
        />
        <DraftField
          label="Description"
          value={node.description}
          parse={(t) => parseLongTextField(t, shape.description)}
          onCommit={(description) => patchNode(id, { description })}
          placeholder={DESCRIBE[node.kind]}
          multiline
        />
        <KindFields node={node} />
        <WhatIfSection node={node} />
        <NodeGroupLine id={id} />
      </div>
      <SelectionProblems concern={{ node: id }} what={`this ${node.kind}`} />
    </>
  );
}

function KindFields({ node }: { node: SagaNode }) {
  switch (node.kind) {
    case 'actor':
      return <p className="sb-note">An actor starts the process by sending commands. It has no other attributes.</p>;
    case 'service':
      return <ServiceFields node={node} />;
    case 'orchestrator':
      return <OrchestratorFields node={node} />;
    case 'command':
      return <CommandFields node={node} />;
    case 'event':
      return <EventFields node={node} />;
  }
}
