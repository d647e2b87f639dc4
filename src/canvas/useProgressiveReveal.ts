/**
 * A big design is drawn a slice at a time when it opens, nearest the top left first, one slice a
 * frame: React renders and commits, and the browser lays out, a few hundred nodes at a time
 * instead of thousands in one task that freezes the tab (measured with `npm run bench:open`).
 * A connection appears with the later of its two ends. Edits made meanwhile show at once.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FlowEdge, FlowNode } from './adapter.ts';

/** Nodes drawn per frame while a big design opens; designs up to this size are drawn at once. */
export const REVEAL_SLICE = 100;
/** The pause after each slice is painted, so clicks and keys are answered while a design opens. */
const BREATHER_MS = 40;

interface Reveal {
  openCount: number;
  /** The ids still to draw, in the order they will be drawn. */
  order: readonly string[];
  /** How many of `order` are drawn. */
  count: number;
}

export function useProgressiveReveal(nodes: FlowNode[], edges: FlowEdge[], openCount: number) {
  const [reveal, setReveal] = useState<Reveal | null>(null);
  if (reveal?.openCount !== openCount && nodes.length > 0) {
    // Adjusted while rendering, so the first frame of a new design already holds one slice only.
    const order = nodes.length > REVEAL_SLICE ? readingOrder(nodes) : [];
    setReveal({ openCount, order, count: Math.min(REVEAL_SLICE, order.length) });
  }
  const pending = reveal !== null && reveal.openCount === openCount && reveal.count < reveal.order.length;

  useEffect(() => {
    if (!pending) return;
    // After the browser painted this slice and had a moment for input, the next one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReveal((r) => (r === null ? r : { ...r, count: r.count + REVEAL_SLICE })), BREATHER_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, reveal]);

  return useMemo(() => {
    if (!pending) return { nodes, edges, complete: true };
    const hidden = new Set(reveal.order.slice(reveal.count));
    return {
      nodes: nodes.filter((n) => !hidden.has(n.id)),
      edges: edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)),
      complete: false,
    };
  }, [pending, reveal, nodes, edges]);
}

/** Top to bottom in rows, left to right in a row: how a person reads a diagram. */
function readingOrder(nodes: readonly FlowNode[]): string[] {
  const ROW = 200;
  return [...nodes]
    .sort((a, b) => Math.floor(a.position.y / ROW) - Math.floor(b.position.y / ROW) || a.position.x - b.position.x)
    .map((n) => n.id);
}
