/** Commands and events: the messages that travel between participants. */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../adapter.ts';
import { CommandTags, hasCommandTags } from './CommandTags.tsx';
import { NodeFrame } from './NodeFrame.tsx';
import { sameDrawing } from './sameDrawing.ts';

/**
 * A tag pointing in the direction of flow; stretched to the node's size, the stroke keeps its
 * width. Its soft shadow is the same tag drawn a little lower (a CSS filter would cost a layer
 * effect per command on every frame of a pan).
 */
function CommandShape() {
  return (
    <svg className="sb-node__shape" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <path className="sb-node__shadow" d="M4 4 H91 L98.8 52.5 L91 101 H4 Q0.8 101 0.8 95.5 V9.5 Q0.8 4 4 4 Z" />
      <path d="M4 1.5 H91 L98.8 50 L91 98.5 H4 Q0.8 98.5 0.8 93 V7 Q0.8 1.5 4 1.5 Z" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}

export const CommandNode = memo(function CommandNode({ id, data, isConnectable, selected }: NodeProps<FlowNode>) {
  return (
    <NodeFrame
      id={id}
      kind="command"
      variant={`sb-node--command${data.compensation ? ' sb-node--compensation' : ''}`}
      icon={data.compensation ? 'compensation' : 'command'}
      caption={data.compensation ? 'Compensation' : 'Command'}
      data={data}
      isConnectable={isConnectable} selected={selected}
      shape={<CommandShape />}
      tags={hasCommandTags(data) ? <CommandTags id={id} data={data} /> : undefined}
    />
  );
}, sameDrawing);

export const EventNode = memo(function EventNode({ id, data, isConnectable, selected }: NodeProps<FlowNode>) {
  const variant = ['sb-node--event', data.failure && 'sb-node--failure', data.terminal && 'sb-node--terminal'].filter(Boolean).join(' ');
  const caption = data.failure ? (data.terminal ? 'Failure · end' : 'Failure event') : data.terminal ? 'End event' : 'Event';
  const icon = data.terminal ? (data.failure ? 'failureEnd' : 'end') : data.failure ? 'failure' : 'event';
  return <NodeFrame id={id} kind="event" variant={variant} icon={icon} caption={caption} data={data} isConnectable={isConnectable} selected={selected} />;
}, sameDrawing);
