/**
 * A small layered layout for designs whose nodes have no saved position (hand-written files).
 * Columns are the breadth-first depth from the nodes nothing points to, so messages flow left to
 * right; rows are ordered to keep connections short; a compensation command sits right under the
 * command it undoes. A chain too long to read at a glance is wrapped into bands, like lines of text.
 * Pure: no React, no DOM, deterministic.
 */
import { edgeMeaning, type Position, type SagaDocument, type SagaNode } from '../model/index.ts';
import { NODE_HEIGHT, nodeSize } from './nodeSize.ts';

export interface FallbackLayoutOptions {
  /** Width of a node on the canvas. */
  widthOf: (node: SagaNode) => number;
  /** Height to reserve per node. */
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
  /** Vertical space between two bands of a wrapped layout. */
  bandGap: number;
  /** The screen area the design should be readable in without scrolling. */
  viewport: { width: number; height: number };
  /** Below this fit-to-screen zoom, long chains are wrapped into bands. */
  minReadableZoom: number;
}

export const DEFAULT_LAYOUT_OPTIONS: FallbackLayoutOptions = {
  widthOf: (node) => nodeSize(node.name).width,
  nodeHeight: NODE_HEIGHT,
  columnGap: 72,
  rowGap: 40,
  bandGap: 110,
  viewport: { width: 1040, height: 760 },
  minReadableZoom: 0.75,
};

/** Positions (top-left corners) for every node of the document, laid out left to right. */
export function fallbackLayout(doc: SagaDocument, options: Partial<FallbackLayoutOptions> = {}): Map<string, Position> {
  const o = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  const { ids, successors, predecessors, anchorOf } = indexGraph(doc);
  const depth = breadthFirstDepth(ids, successors, predecessors);
  const columns = orderRows(groupByDepth(ids, depth), depth, successors, predecessors);
  for (const column of columns) placeFollowers(column, anchorOf);
  const width = new Map(doc.nodes.map((n) => [n.id, o.widthOf(n)]));
  return place(columns, (id) => width.get(id)!, o);
}

interface GraphIndex {
  ids: string[];
  successors: Map<string, string[]>;
  predecessors: Map<string, string[]>;
  /** Compensation command -> the command it undoes. */
  anchorOf: Map<string, string>;
}

function indexGraph(doc: SagaDocument): GraphIndex {
  const ids = doc.nodes.map((n) => n.id);
  const kind = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  const successors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const predecessors = new Map<string, string[]>(ids.map((id) => [id, []]));
  const anchorOf = new Map<string, string>();
  for (const e of doc.edges) {
    const from = kind.get(e.source);
    const to = kind.get(e.target);
    if (from === undefined || to === undefined || e.source === e.target) continue;
    const out = successors.get(e.source)!;
    if (!out.includes(e.target)) out.push(e.target);
    const inc = predecessors.get(e.target)!;
    if (!inc.includes(e.source)) inc.push(e.source);
    if (edgeMeaning(from, to) === 'compensatedBy' && !anchorOf.has(e.target)) anchorOf.set(e.target, e.source);
  }
  return { ids, successors, predecessors, anchorOf };
}

/** Multi-source BFS from the nodes with no incoming connection; cycles nobody enters start at their first node. */
function breadthFirstDepth(ids: string[], successors: Map<string, string[]>, predecessors: Map<string, string[]>): Map<string, number> {
  const depth = new Map<string, number>();
  const queue: string[] = [];
  const start = (id: string) => {
    depth.set(id, 0);
    queue.push(id);
  };
  const drain = () => {
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const next of successors.get(id)!) {
        if (depth.has(next)) continue;
        depth.set(next, depth.get(id)! + 1);
        queue.push(next);
      }
    }
  };
  ids.filter((id) => predecessors.get(id)!.length === 0).forEach(start);
  drain();
  for (const id of ids) {
    if (depth.has(id)) continue;
    start(id);
    drain();
  }
  return depth;
}

function groupByDepth(ids: string[], depth: Map<string, number>): string[][] {
  const columns: string[][] = [];
  for (const id of ids) (columns[depth.get(id)!] ??= []).push(id);
  return columns.map((c) => c ?? []);
}

/** Barycentre ordering: two sweeps right then left, each node near the middle of its neighbours. */
function orderRows(
  columns: string[][],
  depth: Map<string, number>,
  successors: Map<string, string[]>,
  predecessors: Map<string, string[]>,
): string[][] {
  const row = new Map<string, number>();
  const measure = (column: string[]) => column.forEach((id, i) => row.set(id, i - (column.length - 1) / 2));
  columns.forEach(measure);
  const sortBy = (column: string[], neighbours: (id: string) => string[]) => {
    const key = new Map<string, number>();
    for (const id of column) {
      const ns = neighbours(id);
      key.set(id, ns.length === 0 ? row.get(id)! : ns.reduce((sum, n) => sum + row.get(n)!, 0) / ns.length);
    }
    column.sort((a, b) => key.get(a)! - key.get(b)!);
    measure(column);
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 1; c < columns.length; c++) {
      sortBy(columns[c]!, (id) => predecessors.get(id)!.filter((p) => depth.get(p)! < c));
    }
    for (let c = columns.length - 2; c >= 0; c--) {
      sortBy(columns[c]!, (id) => successors.get(id)!.filter((s) => depth.get(s)! > c));
    }
  }
  return columns;
}

/** Moves each compensation command right after the command it undoes, when both share a column. */
function placeFollowers(column: string[], anchorOf: Map<string, string>): void {
  for (const follower of [...column]) {
    const anchor = anchorOf.get(follower);
    if (anchor === undefined || !column.includes(anchor)) continue;
    column.splice(column.indexOf(follower), 1);
    column.splice(column.indexOf(anchor) + 1, 0, follower);
  }
}

function place(columns: string[][], widthOf: (id: string) => number, o: FallbackLayoutOptions): Map<string, Position> {
  const positions = new Map<string, Position>();
  if (columns.length === 0) return positions;
  const rowPitch = o.nodeHeight + o.rowGap;
  const columnWidths = columns.map((c) => Math.max(...c.map(widthOf)));
  const columnHeights = columns.map((c) => c.length * rowPitch - o.rowGap);
  let bandTop = 0;
  for (const band of splitIntoBands(columnWidths, columnHeights, o)) {
    const bandHeight = Math.max(...band.map((c) => columnHeights[c]!));
    let x = 0;
    for (const c of band) {
      const top = bandTop + (bandHeight - columnHeights[c]!) / 2;
      columns[c]!.forEach((id, r) => positions.set(id, { x, y: Math.round(top + r * rowPitch) }));
      x += columnWidths[c]! + o.columnGap;
    }
    bandTop += bandHeight + o.bandGap;
  }
  return positions;
}

/**
 * Splits the columns into bands of consecutive columns: the fewest bands at which the design
 * fits the viewport readably, else the most readable count. Bands of fewer than three columns
 * would read as a zig-zag, not as a flow.
 */
export function splitIntoBands(columnWidths: readonly number[], columnHeights: readonly number[], o: FallbackLayoutOptions): number[][] {
  const n = columnWidths.length;
  const bandsOf = (count: number) => {
    const perBand = Math.ceil(n / count);
    const bands: number[][] = [];
    for (let first = 0; first < n; first += perBand) bands.push(Array.from({ length: Math.min(perBand, n - first) }, (_, i) => first + i));
    return bands;
  };
  const zoomOf = (bands: number[][]) => {
    const width = Math.max(...bands.map((b) => b.reduce((sum, c) => sum + columnWidths[c]! + o.columnGap, -o.columnGap)));
    const height = bands.reduce((sum, b) => sum + Math.max(...b.map((c) => columnHeights[c]!)) + o.bandGap, -o.bandGap);
    return Math.min(o.viewport.width / width, o.viewport.height / height, 1);
  };
  let best = bandsOf(1);
  for (let count = 1; count <= Math.max(1, Math.floor(n / 3)); count++) {
    const bands = bandsOf(count);
    if (zoomOf(bands) >= o.minReadableZoom) return bands;
    if (zoomOf(bands) > zoomOf(best)) best = bands;
  }
  return best;
}
