/**
 * A group's frame (spec §1.2a): a light tint of the group's colour behind its nodes, its name in
 * a pill on the top edge. Only the name takes the mouse: drag it to move the group's nodes,
 * click it to select the group, double-click it to rename. The inside lets clicks through to the
 * canvas (pan, select with a box) and to the nodes.
 */
import { memo, type CSSProperties } from 'react';
import type { NodeProps } from '@xyflow/react';
import { groupColours } from '../../layout/annotations.ts';
import { updateGroup } from '../../model/operations.ts';
import { useDesignStore } from '../../store/designStore.ts';
import type { FrameFlowNode } from '../adapter.ts';
import { NameEditor } from './NameEditor.tsx';

const renameGroup = (doc: Parameters<typeof updateGroup>[0], id: string, name: string) => updateGroup(doc, id, { name });

export const FrameNode = memo(
  function FrameNode({ id, data }: NodeProps<FrameFlowNode>) {
    const renaming = useDesignStore((s) => s.renaming === id);
    const c = groupColours(data.color);
    const style = { '--sb-frame-line': c.stroke, '--sb-frame-fill': c.fill, '--sb-frame-ink': c.ink } as CSSProperties;
    return (
      <div className="sb-frame" style={style} data-testid="group-frame">
        <div className={`sb-frame__label${renaming ? ' sb-frame__label--editing' : ''}`} title={renaming ? undefined : `${data.name}: drag to move the group, double-click to rename`}>
          {renaming ? (
            <NameEditor id={id} name={data.name} rename={renameGroup} emptyHint="A group needs a name; it keeps the one it had." className="sb-frame__input" />
          ) : (
            <span className="sb-frame__name">{data.name}</span>
          )}
        </div>
      </div>
    );
  },
  (a, b) => a.id === b.id && a.data === b.data,
);
