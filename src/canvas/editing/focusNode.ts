/** Giving the keyboard back to a node on the canvas (after naming it, connecting it…). */

/** The element React Flow draws for a node (focusable: tabindex 0), if it is on the page. */
export function nodeElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.sb-canvas .react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/**
 * Focuses the node on the next frame (after React has drawn what changed), so arrow keys move it,
 * Enter renames it and C connects it. React Flow pans to it if it is out of view.
 */
export function focusNode(id: string): void {
  requestAnimationFrame(() => nodeElement(id)?.focus());
}
