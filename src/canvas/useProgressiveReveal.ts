/**
 * A big design (over 500 nodes) is drawn in two slices when it opens: the half of its nodes nearest
 * the top left, then the other half with every connection (Sagaboard draws them itself,
 * edges/ConnectionLayer.tsx). After the first slice, the second waits for a task of its own, so
 * clicks and keys that came meanwhile are answered first (the browser runs input before timers).
 *
 * While the slices come the canvas does not show its drawing (`opening`: Canvas.tsx hides it and
 * says how far it got): the browser styles, lays out and paints the design once, when it is
 * complete, and the view is framed while nothing is shown. Each slice costs a task and a frame of
 * its own, so fewer is faster (medians of interleaved opens of the peer benchmark's graph):
 * - showing every slice as it came, the browser did all that for each slice, everything drawn so
 *   far again each time: 1,000 nodes took 1,360 ms instead of 1,080, 2,000 took 1,870 instead of 1,640;
 * - the connections in a slice of their own: 1,000 nodes took 1,009 ms instead of 928;
 * - slices of 500 nodes: 2,000 nodes took 1,502 ms, in halves 1,398 (bpmn-js: 1,437); the
 *   longest task grew from 317 to about 350 ms;
 * - a design drawn in one slice is framed after it is laid out, then laid out again: 1,000 nodes
 *   at once took 1,017 ms, in halves 917.
 * Slices of 100 elements with a pause after each, as first built, took 7.6 s at 2,000 nodes.
 * Edits made meanwhile show at once.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CanvasNode, FlowEdge } from './adapter.ts';

/** Designs of up to this many nodes are drawn at once; bigger ones in two slices. */
export const DRAWN_AT_ONCE = 500;

interface Reveal {
  openCount: number;
  /** The node ids in the order they are drawn (none for a design drawn at once). */
  nodes: readonly string[];
  /** The connection ids, drawn after every node. */
  edges: readonly string[];
  /** How many of `nodes`, then of `edges`, are drawn. */
  count: number;
}

/** How far a design being drawn in slices has got. */
export interface Opening {
  /** Nodes in the page so far (the connections come with the last of them). */
  drawn: number;
  /** The nodes and the connections of the design being drawn. */
  nodes: number;
  connections: number;
}

export function useProgressiveReveal(nodes: CanvasNode[], edges: FlowEdge[], openCount: number): { nodes: CanvasNode[]; edges: FlowEdge[]; opening: Opening | null } {
  const [reveal, setReveal] = useState<Reveal | null>(null);
  if (reveal?.openCount !== openCount && nodes.length > 0) {
    // Adjusted while rendering, so the first frame of a new design already holds one slice only.
    const big = nodes.length > DRAWN_AT_ONCE;
    setReveal({ openCount, nodes: big ? readingOrder(nodes) : [], edges: big ? edges.map((e) => e.id) : [], count: big ? Math.ceil(nodes.length / 2) : 0 });
  }
  const pending = reveal !== null && reveal.openCount === openCount && reveal.count < reveal.nodes.length + reveal.edges.length;

  useEffect(() => {
    if (!pending) return;
    // After the browser painted this slice and had a moment for input, the next one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      // The second slice: the rest of the nodes and every connection.
      timer = setTimeout(() => setReveal((r) => (r === null ? r : { ...r, count: r.nodes.length + r.edges.length })));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, reveal]);

  return useMemo(() => {
    if (!pending) return { nodes, edges, opening: null };
    // Pending, the first slice is shown: the first half of the nodes, no connection.
    const hiddenNodes = new Set(reveal.nodes.slice(reveal.count));
    const hiddenEdges = new Set(reveal.edges);
    return {
      nodes: nodes.filter((n) => !hiddenNodes.has(n.id)),
      // A connection added meanwhile (not listed) shows as soon as both its ends do.
      edges: edges.filter((e) => !hiddenEdges.has(e.id) && !hiddenNodes.has(e.source) && !hiddenNodes.has(e.target)),
      opening: { drawn: reveal.count, nodes: reveal.nodes.length, connections: reveal.edges.length },
    };
  }, [pending, reveal, nodes, edges]);
}

/** Top to bottom in rows, left to right in a row: how a person reads a diagram. */
function readingOrder(nodes: readonly CanvasNode[]): string[] {
  const ROW = 200;
  return [...nodes]
    .sort((a, b) => Math.floor(a.position.y / ROW) - Math.floor(b.position.y / ROW) || a.position.x - b.position.x)
    .map((n) => n.id);
}
