/**
 * Typing a node's (or a group's) name in place: the name changes as it is typed (see
 * store/typing.ts), Enter or leaving the field ends the edit, Escape brings back the name from
 * before it. An empty name is never stored: the node keeps the last name typed until the edit
 * ends, then the one it had.
 */
import { useEffect, useRef, useState } from 'react';
import { rename } from '../../actions/design.ts';
import { perform } from '../../actions/action.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { cancelTyping, finishTyping, nameField, typeInto } from '../../store/typing.ts';
import { focusNode } from '../editing/focusNode.ts';


interface NameEditorProps {
  id: string;
  name: string;
  /** Said when the name is left empty. */
  emptyHint?: string;
  className?: string;
}

export function NameEditor({ id, name, emptyHint = 'A name cannot be empty; the node keeps its name.', className = 'sb-node__name-input' }: NameEditorProps) {
  const [text, setText] = useState(name);
  const field = nameField(id);
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
  // Gone without Enter or blur (the node deleted, simulation started): what was typed stays.
  useEffect(() => () => finishTyping(field), [field]);

  const change = (next: string) => {
    setText(next);
    const trimmed = next.trim();
    if (trimmed !== '') typeInto(field, () => perform(rename, { id, name: trimmed }));
  };

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const { startRenaming, showHint } = useDesignStore.getState();
    if (commit && text.trim() !== '') finishTyping(field);
    else {
      if (commit) showHint(emptyHint);
      cancelTyping(field, () => perform(rename, { id, name }));
    }
    startRenaming(null);
  };

  return (
    <input
      ref={input}
      className={`${className} nodrag nokey nopan`}
      aria-label="Name"
      value={text}
      maxLength={300}
      onChange={(e) => change(e.target.value)}
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
