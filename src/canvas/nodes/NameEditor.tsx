/** Typing a node's name in place: Enter or leaving the field commits, Escape cancels. */
import { useEffect, useRef, useState } from 'react';
import { updateNode } from '../../model/operations.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { focusNode } from '../editing/focusNode.ts';

export function NameEditor({ id, name }: { id: string; name: string }) {
  const [text, setText] = useState(name);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  // A new node is hidden until React Flow has measured it, and hidden fields take no focus:
  // try again on the next frames until the field has it.
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const focus = () => {
      const field = input.current;
      if (!field) return;
      field.focus();
      field.select();
      if (document.activeElement !== field && ++tries < 30) frame = requestAnimationFrame(focus);
    };
    focus();
    return () => cancelAnimationFrame(frame);
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const { apply, startRenaming, showHint } = useDesignStore.getState();
    const trimmed = text.trim();
    if (commit && trimmed === '') showHint('A name cannot be empty; the node keeps its name.');
    else if (commit && trimmed !== name) apply((d) => updateNode(d, id, { name: trimmed }));
    startRenaming(null);
  };

  return (
    <input
      ref={input}
      className="sb-node__name-input nodrag nokey nopan"
      aria-label="Name"
      value={text}
      maxLength={300}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        // From the keyboard, the node keeps the focus: arrows move it, C connects it, Enter renames it again.
        if (e.key === 'Enter') {
          finish(true);
          focusNode(id);
        } else if (e.key === 'Escape') {
          finish(false);
          focusNode(id);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
