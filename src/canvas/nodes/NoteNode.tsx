/**
 * A note (spec §1.2a): free text on the canvas, drawn as a sticky note. Double-click (or Enter)
 * writes in it in place: several lines, Escape or a click elsewhere ends the writing, and the
 * whole of it is one undo step (store/typing.ts). A note left empty is removed.
 */
import { memo, useEffect, useRef, useState } from 'react';
import { NodeResizeControl, type NodeProps } from '@xyflow/react';
import { LIMITS } from '../../model/index.ts';
import { perform } from '../../actions/action.ts';
import { patchNote, remove } from '../../actions/design.ts';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { finishTyping, finishTypingRemoving, noteField, typeInto } from '../../store/typing.ts';
import type { NoteFlowNode } from '../adapter.ts';
import { focusNode } from '../editing/focusNode.ts';


export const NoteNode = memo(
  function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
    const writing = useDesignStore((s) => s.renaming === id);
    const shared = useDesignStore((s) => isReadOnlySource(s.source));
    const simulating = useSimulationStore((s) => s.active);
    const readOnly = shared || simulating;
    return (
      <div className={`sb-sticky${writing ? ' sb-sticky--writing' : ''}`}>
        {selected && !readOnly && (
          // Drag the right edge to make the note wider or narrower: one undo step, at the drop.
          <NodeResizeControl
            position="right"
            resizeDirection="horizontal"
            minWidth={LIMITS.minNoteWidth}
            maxWidth={LIMITS.maxNoteWidth}
            className="sb-sticky__resize"
            onResizeEnd={(_, p) => perform(patchNote, { id, patch: { width: Math.round(p.width) } })}
          />
        )}
        {writing ? (
          <NoteEditor id={id} text={data.text} />
        ) : data.text.trim() === '' ? (
          <p className="sb-sticky__text sb-sticky__text--empty">Empty note</p>
        ) : (
          <p className="sb-sticky__text">{data.text}</p>
        )}
      </div>
    );
  },
  (a, b) => a.id === b.id && a.data === b.data && a.selected === b.selected,
);

function NoteEditor({ id, text: initial }: { id: string; text: string }) {
  const [text, setText] = useState(initial);
  const field = noteField(id);
  const area = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  // A new note is hidden until React Flow has measured it, and hidden fields take no focus.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const el = area.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
      if (document.activeElement !== el && ++tries < 30) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);
  // Gone without a click elsewhere (the note deleted, simulation started): what was written stays.
  useEffect(() => () => finishTyping(field), [field]);

  const change = (next: string) => {
    setText(next);
    typeInto(field, () => perform(patchNote, { id, patch: { text: next } }));
  };

  const finish = () => {
    if (done.current) return;
    done.current = true;
    const store = useDesignStore.getState();
    if (text.trim() === '') {
      finishTypingRemoving(field, () => perform(remove, { nodes: [id], edges: [] }));
      store.select({ nodes: [], edges: [] });
    } else finishTyping(field);
    store.startRenaming(null);
  };

  return (
    <textarea
      ref={area}
      className="sb-sticky__input nodrag nokey nopan nowheel"
      aria-label="Note"
      placeholder="Write a note…"
      value={text}
      maxLength={LIMITS.maxNoteLength}
      rows={Math.max(2, text.split('\n').length)}
      onChange={(e) => change(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        // Enter starts a new line; Escape, or Ctrl+Enter, ends the writing and gives the keyboard back to the note.
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          const empty = text.trim() === '';
          finish();
          if (!empty) focusNode(id);
        }
      }}
      onBlur={finish}
    />
  );
}
