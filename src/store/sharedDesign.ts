/**
 * A live board's design on screen: the store shows the shared document's design (its projection)
 * and sends every change there; undo and redo are this person's own (collab/sharedEditor.ts). The
 * canvas, the validator, the trade-offs and the simulator read the store as they always do.
 */
import type { SharedEditor } from '../collab/sharedEditor.ts';
import { setIdTag } from '../model/operations.ts';
import type { Viewport } from '../persistence/design-library.ts';
import { useDesignStore, type DesignSource } from './designStore.ts';

/**
 * Shows the design of `editor`'s shared document, and keeps showing it as it changes, until
 * another design opens; then `onLeave` runs. Ids made meanwhile carry this copy's client id, so two
 * people adding a node at once both keep theirs.
 */
export function showSharedDesign(editor: SharedEditor, source: Extract<DesignSource, { kind: 'live' }>, onLeave?: () => void, viewport?: Viewport): void {
  setIdTag(editor.ydoc.clientID.toString(36));
  const store = useDesignStore.getState();
  store.showSharedDesign(editor.design, source, editor, viewport);
  const stopListening = editor.subscribe((doc) => useDesignStore.getState().sharedChanged(doc));
  const stopWatching = useDesignStore.subscribe((state) => {
    if (state.shared === editor) return;
    stopListening();
    stopWatching();
    setIdTag(undefined);
    onLeave?.();
  });
}
