/**
 * A big design is drawn a slice at a time when it opens: its nodes, 500 a slice, nearest the top
 * left first, and all its connections with the last slice of nodes (Sagaboard draws them itself,
 * edges/ConnectionLayer.tsx; a slice of their own cost a task and a frame more: 1,000 nodes
 * opened in 1,009 ms instead of 928, medians of 11 interleaved opens). After each slice is painted, the next one waits for a task of its
 * own, so clicks and keys that came meanwhile are answered first (the browser runs input before
 * timers). React renders and commits a slice at a time instead of everything in one task that
 * freezes the tab.
 *
 * While slices are still coming the canvas does not show its drawing (`opening`: Canvas.tsx hides
 * it and says how far it got): the browser then styles, lays out and paints the design once, when
 * it is complete. Showing every slice made it do that for each slice, everything drawn so far
 * again each time: 1,000 nodes opened in 1,360 ms instead of 1,080, 2,000 in 1,870 instead of
 * 1,640 (medians of 7 and 5 interleaved opens of the peer benchmark's graph). Slices were 100
 * elements with a pause after each while React Flow drew the connections too: a 2,000-node design
 * took 7.6 s to open. A 40 ms pause after each slice cost 200 ms more in all at 2,000 nodes.
 * Edits made meanwhile show at once.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CanvasNode, FlowEdge } from './adapter.ts';

/** Nodes drawn per slice while a big design opens; designs of up to this many nodes are drawn at once. */
export const REVEAL_SLICE = 500;

interface Reveal {
  openCount: number;
  /** The node ids in the order they are drawn (none for a design drawn at once). */
  nodes: readonly string[];
  /** The connection ids, drawn after every node. */
  edges: readonly string[];
  /** How many of `nodes`, then of `edges`, are drawn. */
  count: number;
}

/** How far a design being drawn a slice at a time has got. */
export interface Opening {
  /** Nodes and connections in the page so far (the connections come last, all at once). */
  drawn: number;
  /** The nodes and the connections of the design being drawn. */
  nodes: number;
  connections: number;
}

export function useProgressiveReveal(nodes: CanvasNode[], edges: FlowEdge[], openCount: number): { nodes: CanvasNode[]; edges: FlowEdge[]; opening: Opening | null } {
  const [reveal, setReveal] = useState<Reveal | null>(null);
  if (reveal?.openCount !== openCount && nodes.length > 0) {
    // Adjusted while rendering, so the first frame of a new design already holds one slice only.
    const big = nodes.length > REVEAL_SLICE;
    setReveal({ openCount, nodes: big ? readingOrder(nodes) : [], edges: big ? edges.map((e) => e.id) : [], count: big ? REVEAL_SLICE : 0 });
  }
  const pending = reveal !== null && reveal.openCount === openCount && reveal.count < reveal.nodes.length + reveal.edges.length;

  useEffect(() => {
    if (!pending) return;
    // After the browser painted this slice and had a moment for input, the next one.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setReveal((r) => (r === null ? r : { ...r, count: nextCount(r) })));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, reveal]);

  return useMemo(() => {
    if (!pending) return { nodes, edges, opening: null };
    const drawingNodes = reveal.count < reveal.nodes.length;
    const hiddenNodes = new Set(reveal.nodes.slice(reveal.count));
    const hiddenEdges = new Set(drawingNodes ? reveal.edges : reveal.edges.slice(reveal.count - reveal.nodes.length));
    return {
      nodes: drawingNodes ? nodes.filter((n) => !hiddenNodes.has(n.id)) : nodes,
      // A connection added meanwhile (not listed) shows as soon as both its ends do.
      edges: edges.filter((e) => !hiddenEdges.has(e.id) && !hiddenNodes.has(e.source) && !hiddenNodes.has(e.target)),
      opening: { drawn: Math.min(reveal.count, reveal.nodes.length), nodes: reveal.nodes.length, connections: reveal.edges.length },
    };
  }, [pending, reveal, nodes, edges]);
}

/** Nodes a slice at a time; every connection with the last slice of nodes. */
const nextCount = (r: Reveal) => (r.count + REVEAL_SLICE < r.nodes.length ? r.count + REVEAL_SLICE : r.nodes.length + r.edges.length);

/** Top to bottom in rows, left to right in a row: how a person reads a diagram. */
function readingOrder(nodes: readonly CanvasNode[]): string[] {
  const ROW = 200;
  return [...nodes]
    .sort((a, b) => Math.floor(a.position.y / ROW) - Math.floor(b.position.y / ROW) || a.position.x - b.position.x)
    .map((n) => n.id);
}
