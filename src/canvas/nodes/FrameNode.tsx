/**
 * A group (spec §1.2a) on the canvas: its name in a pill on the top edge of its frame. The name is
 * the group's React Flow node: click it to select the group, drag it to move the group's nodes,
 * double-click it (or Enter) to rename. The frame itself is drawn behind the connections by
 * FrameLayer and lets every click through to the canvas (pan, select with a box) and the nodes.
 */
import { memo, type CSSProperties } from 'react';
import { ViewportPortal, type NodeProps } from '@xyflow/react';
import { FRAME_LABEL, groupColours } from '../../layout/annotations.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { isFrame, type CanvasNode, type FrameFlowNode } from '../adapter.ts';
import { NameEditor } from './NameEditor.tsx';


/** The colours of a group as CSS variables, for its name and its frame. */
const colourVars = (color: string | undefined): CSSProperties => {
  const c = groupColours(color);
  return { '--sb-frame-line': c.stroke, '--sb-frame-fill': c.fill, '--sb-frame-ink': c.ink } as CSSProperties;
};

export const FrameNode = memo(
  function FrameNode({ id, data }: NodeProps<FrameFlowNode>) {
    const renaming = useDesignStore((s) => s.renaming === id);
    // The name never runs past the frame's right edge.
    const maxWidth = Math.max(40, Math.min(FRAME_LABEL.maxWidth, data.box.width - 2 * FRAME_LABEL.inset));
    return (
      <div
        className={`sb-frame__label${renaming ? ' sb-frame__label--editing' : ''}`}
        style={{ ...colourVars(data.color), maxWidth: renaming ? undefined : maxWidth }}
        title={renaming ? undefined : `${data.name}: drag to move the group, double-click to rename`}
        data-testid="group-label"
      >
        {renaming ? (
          <NameEditor id={id} name={data.name} emptyHint="A group needs a name; it keeps the one it had." className="sb-frame__input" />
        ) : (
          <span className="sb-frame__name">{data.name}</span>
        )}
      </div>
    );
  },
  (a, b) => a.id === b.id && a.data === b.data,
);

/**
 * The groups' frames: a light tint of each group's colour inside a soft outline, around its nodes
 * as drawn now (FrameData.box), behind the connections and the nodes.
 */
export const FrameLayer = memo(function FrameLayer({ nodes }: { nodes: readonly CanvasNode[] }) {
  const frames = nodes.filter(isFrame);
  if (frames.length === 0) return null;
  return (
    <ViewportPortal>
      <div className="sb-frames" aria-hidden="true">
        {frames.map((f) => (
          <div
            key={f.id}
            className={`sb-frame${f.selected ? ' sb-frame--selected' : ''}`}
            data-testid="group-frame"
            data-group={f.id}
            style={{ ...colourVars(f.data.color), transform: `translate(${f.data.box.x}px, ${f.data.box.y}px)`, width: f.data.box.width, height: f.data.box.height }}
          />
        ))}
      </div>
    </ViewportPortal>
  );
});
