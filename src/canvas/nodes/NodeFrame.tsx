/** What every node shares: handles left and right (and routing ones as needed), icon and kind caption, the name, the problem badge. */
import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { SagaNodeData } from '../adapter.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useHighlighted } from '../../store/highlightStore.ts';
import { NameEditor } from './NameEditor.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';
import { RoutingHandles } from './RoutingHandles.tsx';
import { SimulationMarks } from '../simulation/SimulationMarks.tsx';
import { WrappedName } from './WrappedName.tsx';

interface NodeFrameProps {
  id: string;
  /** CSS modifiers, e.g. "sb-node--event sb-node--failure". */
  variant: string;
  icon: ReactNode;
  caption: string;
  data: SagaNodeData;
  isConnectable: boolean;
  /** Drawn behind the content when the shape is not a plain box (commands). */
  shape?: ReactNode;
  /** Badges in a row on the top edge (a command's retry and timeout); the row takes the fault badge too. */
  tags?: ReactNode;
}

export function NodeFrame({ id, variant, icon, caption, data, isConnectable, shape, tags }: NodeFrameProps) {
  const renaming = useDesignStore((s) => s.renaming === id);
  const lit = useHighlighted(id);
  return (
    <div className={`sb-node ${variant}${lit === undefined ? '' : lit ? ' sb-node--lit' : ' sb-node--dimmed'}`} data-lit={lit}>
      {shape}
      <Handle type="target" position={Position.Left} id="in" isConnectable={isConnectable} className="sb-handle" />
      <div className="sb-node__head">
        <span className="sb-node__icon">{icon}</span>
        <span className="sb-node__caption">{caption}</span>
      </div>
      <div className="sb-node__name">{renaming ? <NameEditor id={id} name={data.name} /> : <WrappedName text={data.name} />}</div>
      <ProblemBadge errors={data.errors} warnings={data.warnings} />
      <Handle type="source" position={Position.Right} id="out" isConnectable={isConnectable} className="sb-handle" />
      <RoutingHandles nodeId={id} used={data.routingHandles} />
      {tags}
      <SimulationMarks id={id} faults={!tags} />
    </div>
  );
}
