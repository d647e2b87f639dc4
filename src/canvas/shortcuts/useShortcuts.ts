/**
 * The editor's keyboard shortcuts and clipboard. None fires while the user types in a field.
 * Copy and paste use the browser's clipboard events, so they work across tabs without permissions.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { NOTHING_SELECTED, redo, undo, useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import type { CanvasNode, FlowEdge } from '../adapter.ts';
import type { ConnectDirection } from '../editing/connectChoices.ts';
import { tidyUp } from '../layout/tidyUp.ts';
import { toggleWhatIf } from '../whatIf/toggleWhatIf.ts';
import { useFrameDesign } from '../useFrameDesign.ts';
import { deleteSelection, duplicateSelection, groupSelection, pasteText, selectAll, selectionAsText, ungroupSelection } from './commands.ts';

const TEXT_FIELDS = 'input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable="true"], [role="dialog"]';
const FORM_CONTROLS = 'input, textarea, select, [contenteditable="true"], [role="dialog"]';

/**
 * True when the event comes from a place where keys mean typing. With Ctrl or Cmd held, a ticked
 * checkbox or radio is not typing: Ctrl+Z right after ticking one still undoes.
 */
export function isTyping(target: EventTarget | null, withModifier = false): boolean {
  return target instanceof Element && target.closest(withModifier ? TEXT_FIELDS : FORM_CONTROLS) !== null;
}

/** Controls that Enter activates: Enter on them must do that, never rename the selected node. */
const ACTIVATED_BY_ENTER = 'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="option"], [role="link"]';

/** The design on screen cannot be changed now. */
const readOnly = () => useSimulationStore.getState().active || useDesignStore.getState().source?.kind === 'shared';

export function useShortcuts(openSheet: () => void, openConnect: (direction: ConnectDirection) => void): void {
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const frame = useFrameDesign();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (e.defaultPrevented || isTyping(e.target, mod) || useDesignStore.getState().doc === null) return;
      const key = e.key.toLowerCase();
      const run = (fn: () => void) => {
        e.preventDefault();
        fn();
      };
      // While simulating, and in a shared design's preview, only viewing keys work (playback has its own).
      if (readOnly()) {
        if (!mod && !e.altKey && key === 'f') run(() => void frame({ animate: true, toggle: true }));
        else if (e.key === '?') run(openSheet);
        return;
      }
      if (mod && key === 'z') run(e.shiftKey ? redo : undo);
      else if (mod && key === 'y') run(redo);
      else if (mod && key === 'a') run(selectAll);
      else if (mod && key === 'd') run(duplicateSelection);
      else if (mod && key === 'g') run(e.shiftKey ? ungroupSelection : groupSelection);
      else if (mod || e.altKey) return;
      else if (key === 'delete' || key === 'backspace') run(deleteSelection);
      else if (key === 'f') run(() => void frame({ animate: true, toggle: true }));
      else if (key === 'l') run(() => void tidyUp(flow, e.shiftKey ? 'DOWN' : 'RIGHT'));
      else if (key === 'w' && !e.shiftKey) run(toggleWhatIf);
      else if (e.key === '?') run(openSheet);
      else if (key === 'c') {
        const { doc, selection, showHint } = useDesignStore.getState();
        // Notes and group frames connect to nothing.
        const one = selection.nodes.length === 1 && doc?.nodes.some((n) => n.id === selection.nodes[0]);
        run(() => (one ? openConnect(e.shiftKey ? 'in' : 'out') : showHint('Select one node, then press C to connect it to another.')));
      } else if (key === 'escape') {
        const s = useDesignStore.getState();
        s.showHint(null);
        s.select(NOTHING_SELECTED);
      } else if (key === 'enter' && !(e.target instanceof Element && e.target.closest(ACTIVATED_BY_ENTER))) {
        const { selection, startRenaming } = useDesignStore.getState();
        if (selection.nodes.length === 1) run(() => startRenaming(selection.nodes[0]!));
      }
    };
    const onCopy = (e: ClipboardEvent, cut = false) => {
      if (isTyping(e.target) || (cut && readOnly())) return;
      const text = selectionAsText();
      if (text === undefined || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (cut) deleteSelection();
    };
    const onCut = (e: ClipboardEvent) => onCopy(e, true);
    const onPaste = (e: ClipboardEvent) => {
      if (isTyping(e.target) || !e.clipboardData || readOnly()) return;
      e.preventDefault();
      pasteText(e.clipboardData.getData('text/plain'));
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [flow, frame, openSheet, openConnect]);
}
