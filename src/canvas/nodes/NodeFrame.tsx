/** What every node shares: icon and kind caption, the name, the problem badge, and the handles to connect it by hand while it is pointed at or selected. */
import { useContext, type ReactNode } from 'react';
import { FacesDrawn } from './FaceLayer.tsx';
import { usePointedNode } from './pointedNode.ts';
import { nodeIconImage, type NodeIcon } from './nodeIcons.ts';
import type { SagaNodeData } from '../adapter.ts';
import type { NodeKind } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useHighlighted } from '../../store/highlightStore.ts';
import { NameEditor } from './NameEditor.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';
import { ConnectHandles } from './ConnectHandles.tsx';
import { SimulationMarks } from '../simulation/SimulationMarks.tsx';
import { WrappedName } from './WrappedName.tsx';

interface NodeFrameProps {
  id: string;
  kind: NodeKind;
  /** CSS modifiers, e.g. "sb-node--event sb-node--failure". */
  variant: string;
  icon: NodeIcon;
  caption: string;
  data: SagaNodeData;
  isConnectable: boolean;
  selected: boolean;
  /** Drawn behind the content when the shape is not a plain box (commands). */
  shape?: ReactNode;
  /** Badges in a row on the top edge (a command's retry and timeout); the row takes the fault badge too. */
  tags?: ReactNode;
}

export function NodeFrame({ id, kind, variant, icon, caption, data, isConnectable, selected, shape, tags }: NodeFrameProps) {
  const renaming = useDesignStore((s) => s.renaming === id);
  const lit = useHighlighted(id);
  const pointed = usePointedNode((s) => s.id === id);
  // Where the face layer draws this node's face, the node paints nothing at rest (faces.css): its
  // icon, caption and shape are made only while it shows itself. Its name stays, for finding it.
  const full = !useContext(FacesDrawn) || pointed || selected || renaming || lit !== undefined;
  return (
    <div
      className={`sb-node ${variant}${lit === undefined ? '' : lit ? ' sb-node--lit' : ' sb-node--dimmed'}${renaming ? ' sb-node--renaming' : ''}`}
      data-lit={lit}
    >
      {full && shape}
      {full && (
        <div className="sb-node__head">
          <span className="sb-node__icon" style={{ backgroundImage: nodeIconImage(icon) }} />
          <span className="sb-node__caption">{caption}</span>
        </div>
      )}
      <div className="sb-node__name">{renaming ? <NameEditor id={id} name={data.name} /> : <WrappedName text={data.name} kind={kind} />}</div>
      {data.errors + data.warnings > 0 && <ProblemBadge errors={data.errors} warnings={data.warnings} glyph={full} />}
      {isConnectable && (pointed || selected) && <ConnectHandles nodeId={id} />}
      {tags}
      <SimulationMarks id={id} faults={!tags} />
    </div>
  );
}
