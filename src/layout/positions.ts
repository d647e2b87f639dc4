/**
 * Where every node of a document is drawn: its saved position, or the fallback layout for nodes
 * without one, placed below the drawn ones. Pure, so the canvas and the exports agree.
 */
import type { Position, SagaDocument } from '../model/index.ts';
import { fallbackLayout } from './fallback.ts';
import { NODE_HEIGHT } from './nodeSize.ts';

/** Space between the drawn nodes and the laid-out ones under them. */
const GAP_BELOW = 96;

export function positionsOf(doc: SagaDocument): Map<string, Position> {
  const saved = new Map<string, Position>();
  for (const n of doc.nodes) if (n.position) saved.set(n.id, n.position);
  if (saved.size === doc.nodes.length) return saved;
  const laidOut = fallbackLayout(doc);
  if (saved.size === 0) return laidOut;
  // Nodes without a position go below the drawn ones, keeping their layout among themselves.
  const missing = doc.nodes.filter((n) => !n.position).map((n) => ({ id: n.id, at: laidOut.get(n.id)! }));
  const left = Math.min(...[...saved.values()].map((p) => p.x));
  const below = Math.max(...[...saved.values()].map((p) => p.y)) + NODE_HEIGHT + GAP_BELOW;
  const minX = Math.min(...missing.map((m) => m.at.x));
  const minY = Math.min(...missing.map((m) => m.at.y));
  const positions = new Map(saved);
  for (const m of missing) positions.set(m.id, { x: left + m.at.x - minX, y: below + m.at.y - minY });
  return positions;
}
