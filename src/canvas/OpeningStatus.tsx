/**
 * What the canvas shows while a big design is drawn in slices (useProgressiveReveal.ts):
 * how much, and how far it got. The drawing itself shows once it is complete.
 */
import type { Opening } from './useProgressiveReveal.ts';
import { countText } from '../model/countText.ts';

export function OpeningStatus({ opening }: { opening: Opening | null }) {
  if (!opening) return null;
  const { nodes, connections, drawn } = opening;
  const what = `${countText(nodes)} nodes and ${countText(connections)} connections`;
  return (
    <div className="sb-opening" role="status" data-testid="canvas-opening">
      <span>Drawing {what}…</span>
      <progress max={nodes + connections} value={drawn} aria-label={`Drawn, of ${what}`} />
    </div>
  );
}
