/** Actors, services and orchestrators: the ones that send, handle, publish and subscribe. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../adapter.ts';
import { NodeFrame } from './NodeFrame.tsx';
import { sameDrawing } from './sameDrawing.ts';

export const ActorNode = memo(function ActorNode({ id, data, isConnectable, selected }: NodeProps<FlowNode>) {
  return <NodeFrame id={id} kind="actor" variant="sb-node--actor" icon="actor" caption="Actor" data={data} isConnectable={isConnectable} selected={selected} />;
}, sameDrawing);

export const ServiceNode = memo(function ServiceNode({ id, data, isConnectable, selected }: NodeProps<FlowNode>) {
  return (
    <NodeFrame
      id={id}
      kind="service"
      variant={`sb-node--service${data.coordinator ? ' sb-node--coordinator' : ''}`}
      icon="service"
      caption={data.coordinator ? 'Service · hub' : 'Service'}
      data={data}
      isConnectable={isConnectable} selected={selected}
    />
  );
}, sameDrawing);

export const OrchestratorNode = memo(function OrchestratorNode({ id, data, isConnectable, selected }: NodeProps<FlowNode>) {
  return <NodeFrame id={id} kind="orchestrator" variant="sb-node--orchestrator" icon="orchestrator" caption="Orchestrator" data={data} isConnectable={isConnectable} selected={selected} />;
}, sameDrawing);
