/**
 * The editor's keyboard shortcuts and clipboard. None fires while the user types in a field.
 * Copy and paste use the browser's clipboard events, so they work across tabs without permissions.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { EDITOR_COMMANDS, type EditorContext } from '../../actions/commands.ts';
import { pressed } from '../../actions/keys.ts';
import { deleteSelection, pasteText, selectionAsText } from '../../actions/selection.ts';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import type { CanvasNode, FlowEdge } from '../adapter.ts';
import type { ConnectDirection } from '../editing/connectChoices.ts';
import { tidyUp } from '../layout/tidyUp.ts';
import { toggleWhatIf } from '../whatIf/toggleWhatIf.ts';
import { useFrameDesign } from '../useFrameDesign.ts';

const TEXT_FIELDS = 'input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable="true"], [role="dialog"]';
const FORM_CONTROLS = 'input, textarea, select, [contenteditable="true"], [role="dialog"]';

/**
 * True when the event comes from a place where keys mean typing. With Ctrl or Cmd held, a ticked
 * checkbox or radio is not typing: Ctrl+Z right after ticking one still undoes.
 */
export function isTyping(target: EventTarget | null, withModifier = false): boolean {
  return target instanceof Element && target.closest(withModifier ? TEXT_FIELDS : FORM_CONTROLS) !== null;
}

/** The design on screen cannot be changed now. */
const readOnly = () => useSimulationStore.getState().active || isReadOnlySource(useDesignStore.getState().source);

/** The editor's keys, from the command table (actions/commands.ts), and the clipboard. */
export function useShortcuts(openSheet: () => void, openConnect: (direction: ConnectDirection) => void): void {
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const frame = useFrameDesign();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target, event.ctrlKey || event.metaKey) || useDesignStore.getState().doc === null) return;
      // While simulating, and on a design that cannot be changed, only viewing keys work (playback has its own).
      const viewing = readOnly();
      const command = EDITOR_COMMANDS.find((c) => c.run && (!viewing || c.viewing) && c.keys?.some((k) => pressed(k, event)));
      if (!command?.run) return;
      const ctx: EditorContext = {
        event,
        frame: () => void frame({ animate: true, toggle: true }),
        tidyUp: (direction) => void tidyUp(flow, direction),
        toggleWhatIf,
        openSheet,
        openConnect,
      };
      if (command.run(ctx) !== false) event.preventDefault();
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
