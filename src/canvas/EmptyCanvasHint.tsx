/** What an empty design shows: how to start drawing. */
import { useDesignStore } from '../store/designStore.ts';

export function EmptyCanvasHint() {
  const empty = useDesignStore((s) => s.doc !== null && s.doc.nodes.length === 0);
  if (!empty) return null;
  return (
    <div className="sb-empty" data-testid="empty-canvas">
      <p className="sb-empty__title">An empty design</p>
      <p>
        Drag an <strong>actor</strong>, a <strong>service</strong>, a <strong>command</strong> or an <strong>event</strong> from the palette above, or click one to
        add it here. Connect nodes by dragging from the dot on a node’s right side to another node.
      </p>
      <p className="sb-empty__keys">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </div>
  );
}
