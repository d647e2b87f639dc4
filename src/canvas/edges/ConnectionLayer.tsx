/**
 * Every connection of the design in SVGs that Sagaboard draws itself (one per bucket), inside
 * React Flow's edge layer (under the nodes, moved by the viewport's transform with everything
 * else). React Flow is given no edges: it keeps the nodes, selection and drawing new connections,
 * and a pan or a zoom costs no JavaScript per connection. With React Flow's own edges each connection was
 * an SVG of its own (thousands of layers to composite) and re-checked its ends on every frame.
 *
 * A connection is drawn again only when it or one of its two nodes changed (moved, resized,
 * dragged): each node's box is derived once per node object, and unchanged nodes and edges keep
 * their identity (adapter.ts), so memo skips the rest; and React compares them in buckets
 * (buckets.ts), so a move does not walk every connection.
 */
import { memo, useMemo, useState, type ReactNode } from 'react';
import { BUCKETS, bucketOf, sameItems } from '../buckets.ts';
import { createPortal } from 'react-dom';
import { useStore } from '@xyflow/react';
import { drawnSize, isDesignNode, type CanvasNode, type FlowEdge, type FlowNode } from '../adapter.ts';
import { Connection, type ConnectionEvents, type DrawnEnd } from './Connection.tsx';
import type { Shape } from './geometry.ts';
import { useHighlightStore } from '../../store/highlightStore.ts';
import { faultWords, useSimulationStore } from '../../store/simulationStore.ts';
import type { Fault } from '../../model/index.ts';

const NO_FAULTS: readonly Fault[] = [];

const SHAPE: Readonly<Record<string, Shape>> = { event: 'round', actor: 'round', command: 'tag', orchestrator: 'ring' };

const ends = new WeakMap<FlowNode, DrawnEnd>();

/** A node's box as drawn now: where it is (live while dragged) and the size React Flow measured (until then, the size it will have). */
function drawnEnd(node: FlowNode): DrawnEnd {
  let end = ends.get(node);
  if (!end) {
    const { x, y } = node.position;
    const { width, height } = drawnSize(node);
    end = { box: { x, y, width, height }, shape: SHAPE[node.type ?? ''] ?? 'box', dragging: node.dragging === true };
    ends.set(node, end);
  }
  return end;
}

/** React Flow's edge layer (for the lines and labels) and label layer (for the simulation's fault badges) of this canvas, found once. */
function useLayers(): { lines: Element | null; badges: Element | null } {
  const domNode = useStore((s) => s.domNode);
  return useMemo(
    () => ({ lines: domNode?.querySelector('.react-flow__edges') ?? null, badges: domNode?.querySelector('.react-flow__edgelabel-renderer') ?? null }),
    [domNode],
  );
}

/**
 * What the editor adds to its connections: which are lit by a highlight and, while simulating,
 * the faults injected on each; one subscription for all of them (not one per connection). A
 * diagram to look at only (events null) shows neither.
 */
function useMarks(shown: boolean): { lit: ReadonlySet<string> | undefined; faults: ReadonlyMap<string, string> } {
  const lit = useHighlightStore((s) => (shown ? s.highlight?.ids : undefined));
  const faults = useSimulationStore((s) => (shown && s.active ? s.faults : NO_FAULTS));
  return { lit, faults: useMemo(() => faultWords(faults), [faults]) };
}

interface ConnectionLayerProps {
  nodes: readonly CanvasNode[];
  edges: readonly FlowEdge[];
  events: ConnectionEvents | null;
  /** Drawn over every line and label, in the same layer (the editor's node faces). */
  children?: ReactNode;
}

/** The connections of one bucket, each with its two ends as drawn, and its highlight and faults. */
interface BucketProps {
  edges: FlowEdge[];
  sources: DrawnEnd[];
  targets: DrawnEnd[];
  lit: (boolean | undefined)[];
  faults: (string | undefined)[];
  events: ConnectionEvents | null;
  labels: SVGGElement | null;
  badges: Element | null;
}

const sameBucket = (a: BucketProps, b: BucketProps): boolean =>
  a.events === b.events &&
  a.labels === b.labels &&
  a.badges === b.badges &&
  sameItems(a.edges, b.edges) &&
  sameItems(a.sources, b.sources) &&
  sameItems(a.targets, b.targets) &&
  sameItems(a.lit, b.lit) &&
  sameItems(a.faults, b.faults);

const ConnectionBucket = memo(function ConnectionBucket({ edges, sources, targets, lit, faults, events, labels, badges }: BucketProps) {
  return edges.map((edge, i) => (
    <Connection key={edge.id} edge={edge} source={sources[i]!} target={targets[i]!} events={events} labels={labels} badges={badges} lit={lit[i]} faults={faults[i]} />
  ));
}, sameBucket);

export function ConnectionLayer({ nodes, edges, events, children }: ConnectionLayerProps) {
  const { lines, badges } = useLayers();
  // Labels go in a group after every line, so that no line crosses a label.
  const [labels, setLabels] = useState<SVGGElement | null>(null);
  const marks = useMarks(events !== null);
  const byId = useMemo(() => new Map(nodes.filter(isDesignNode).map((n) => [n.id, n])), [nodes]);
  if (!lines) return null;
  const buckets = Array.from({ length: BUCKETS }, (): Omit<BucketProps, 'events' | 'labels' | 'badges'> => ({ edges: [], sources: [], targets: [], lit: [], faults: [] }));
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    // A node not drawn yet (a big design opening): its connections wait for it.
    if (!source || !target) continue;
    const bucket = buckets[bucketOf(edge.id)]!;
    bucket.edges.push(edge);
    bucket.sources.push(drawnEnd(source));
    bucket.targets.push(drawnEnd(target));
    bucket.lit.push(marks.lit ? marks.lit.has(edge.source) && marks.lit.has(edge.target) : undefined);
    bucket.faults.push(marks.faults.get(edge.id));
  }
  // One SVG per bucket: an edit has the browser paint again the SVGs it changed, not every line.
  return createPortal(
    <>
      {buckets.map((bucket, i) => (
        <svg key={i} className="sb-connections">
          <ConnectionBucket {...bucket} events={events} labels={labels} badges={badges} />
        </svg>
      ))}
      <svg className="sb-connections">
        <g className="sb-edge-labels" ref={setLabels} />
      </svg>
      {children}
    </>,
    lines,
  );
}
