/**
 * How every connection of a design is drawn, planned once per document from the nodes' boxes:
 * which sides of its nodes it leaves and enters by (those facing each other, edges/geometry.ts),
 * where along those sides (connections meeting one side spread along it, in an order that keeps
 * them from crossing), and, when nodes stand in the way of a direct curve, the lane it goes round
 * them by (edges/lanes.ts). MessageEdge draws the plan on the nodes where they are drawn, and
 * while a node is dragged draws the facing sides live instead.
 *
 * Cost: sorting the nodes once, then for each connection a look at the nodes beside its curve
 * (found by binary search), so a design of thousands of nodes is planned in milliseconds.
 */
import { bezierAt, bezierControls, centre, chooseSides, flowAxis, gaps, pointOnSide, sideAxis, spreadAlong, type Axis, type Box, type Point, type Side } from './geometry.ts';
import { detour } from './detours.ts';
import { assignLanes, type LaneRequest } from './lanes.ts';
import { Obstacles } from './obstacles.ts';

export interface ConnectionToPlan {
  id: string;
  source: string;
  target: string;
  sourceBox: Box;
  targetBox: Box;
  /** Connections with the same bus key (same target, same look) share a lane when they need one. */
  bus: string;
  /** The label drawn on the connection, if any ("compensated by"): placed clear of the nodes. */
  label?: string;
}

/** Primitive fields only: the plan goes into an edge's data, compared field by field. */
export interface ConnectionPlan {
  /** The axis the design reads along (for choosing sides live while a node is dragged). */
  axis: Axis;
  sourceSide: Side;
  targetSide: Side;
  /** Where along its side each end meets the node, from the middle of the side (px). */
  sourceOffset: number;
  targetOffset: number;
  /**
   * A lane route: out of the source's side to the exit line (x = exit when the source side is
   * right, y = exit when it is bottom), along the lane (y = lane, or x = lane) and into the target.
   */
  lane?: number;
  exit?: number;
  /** A detour: the points ("x,y x,y") a connection with the flow bends through, round nodes in its way. */
  via?: string;
  /** Where along a direct curve (0 to 1) its label sits, when not half-way: half-way it would cover a node or another label. */
  labelAt?: number;
}

/**
 * Whether `a` (a plan, or what holds one's fields) draws the route `b` plans: every field of a plan
 * the same, each read by its name (a tidy up compares every connection's plan after each slice).
 */
export const samePlan = (a: Partial<ConnectionPlan>, b: ConnectionPlan): boolean =>
  a.axis === b.axis &&
  a.sourceSide === b.sourceSide &&
  a.targetSide === b.targetSide &&
  a.sourceOffset === b.sourceOffset &&
  a.targetOffset === b.targetOffset &&
  a.lane === b.lane &&
  a.exit === b.exit &&
  a.via === b.via &&
  a.labelAt === b.labelAt;

/** The plans of `now` that `before` does not have as they are: what a move changed. */
export function planChanges(before: ReadonlyMap<string, ConnectionPlan>, now: ReadonlyMap<string, ConnectionPlan>): [string, ConnectionPlan][] {
  const changed: [string, ConnectionPlan][] = [];
  for (const [id, plan] of now) {
    const was = before.get(id);
    if (!was || !samePlan(was, plan)) changed.push([id, plan]);
  }
  return changed;
}

/** A curve may pass this close to a node (a negative margin: only a real crossing counts). */
const GRAZE = -3;
/** A connection running back further than this (flow px between its nodes) takes a lane, even past no node. */
const LONG_WAY_BACK = 120;
/** Past this many nodes in its way, a connection has no way round through the gaps (detours.ts) either. */
const MOST_CROSSED = 8;

export function planConnections(connections: readonly ConnectionToPlan[], boxes: readonly Box[]): Map<string, ConnectionPlan> {
  const joined = connections.filter((c) => c.source !== c.target);
  const axis = flowAxis(joined.map((c) => ({ source: c.sourceBox, target: c.targetBox })));
  const obstacles = new Obstacles(boxes);
  // Top to bottom is left to right turned on its side: swap x and y, plan, swap back.
  const turned = new Map<Box, Box>();
  const turn = (b: Box) => {
    let t = turned.get(b);
    if (!t) turned.set(b, (t = { x: b.y, y: b.x, width: b.height, height: b.width }));
    return t;
  };
  let turnedObstacles: Obstacles | undefined;
  const obstaclesAlong = (a: Axis) => (a === 'x' ? obstacles : (turnedObstacles ??= new Obstacles(boxes.map(turn))));

  const plans = new Map<string, ConnectionPlan>();
  const againstFlow: Record<Axis, LaneRequest[]> = { x: [], y: [] };
  for (const c of connections) {
    if (c.source === c.target) {
      plans.set(c.id, { axis, sourceSide: 'right', targetSide: 'top', sourceOffset: 0, targetOffset: 0 });
      continue;
    }
    const sides = chooseSides(c.sourceBox, c.targetBox, axis);
    const plan: ConnectionPlan = { axis, sourceSide: sides.source, targetSide: sides.target, sourceOffset: 0, targetOffset: 0 };
    plans.set(c.id, plan);
    const from = pointOnSide(c.sourceBox, sides.source, 0);
    const to = pointOnSide(c.targetBox, sides.target, 0);
    const crossed = obstacles.crossedBy(curveSamples(from, sides.source, to, sides.target), [c.sourceBox, c.targetBox], GRAZE, MOST_CROSSED);
    const along = sideAxis(sides.source);
    const back = along === axis && (sides.source === 'left' || sides.source === 'top');
    // A step back to a neighbour with nothing in between is drawn straight; anything else is routed.
    if (crossed.length === 0 && !(back && gaps(c.sourceBox, c.targetBox)[axis] > LONG_WAY_BACK)) continue;
    if (back) {
      // Back against the way the design reads (a reply to an orchestrator): round by a lane, clear
      // of the connections running forward through the middle of the design.
      const t = along === 'x' ? (b: Box) => b : turn;
      againstFlow[along].push({ id: c.id, bus: c.bus, sourceBox: t(c.sourceBox), targetBox: t(c.targetBox) });
      continue;
    }
    // With the flow: bend through the gaps of the nodes in the way (when there are few).
    if (crossed.length >= MOST_CROSSED) continue;
    const flip = (p: Point): Point => (along === 'x' ? p : [p[1], p[0]]);
    const t = along === 'x' ? (b: Box) => b : turn;
    const via = detour(flip(from), flip(to), crossed.map(t), obstaclesAlong(along), [t(c.sourceBox), t(c.targetBox)]);
    if (via && via.length > 0) plan.via = via.map((p) => flip(p).map(Math.round).join(',')).join(' ');
  }
  for (const along of ['x', 'y'] as const) {
    if (againstFlow[along].length === 0) continue;
    for (const [id, lane] of assignLanes(againstFlow[along], obstaclesAlong(along))) {
      const before = lane.enter === 'before';
      Object.assign(plans.get(id)!, {
        sourceSide: along === 'x' ? 'right' : 'bottom',
        targetSide: along === 'x' ? (before ? 'top' : 'bottom') : before ? 'left' : 'right',
        lane: lane.lane,
        exit: lane.exit,
      });
    }
  }
  spreadEnds(connections, plans);
  placeLabels(connections, plans, obstacles);
  return plans;
}

/** Where along a curve a label may sit, best first. */
const LABEL_PLACES = [0.5, 0.38, 0.62, 0.28, 0.72];
/** A label's size, estimated from its text (canvas.css .sb-edge-label: 11.5px, bold, padded). */
const labelSize = (text: string) => ({ width: text.length * 6.8 + 20, height: 20 });

/**
 * Moves the label of a direct curve along it, off the middle, when there it would cover a node or
 * another label (as where two compensations cross). Labels are few (compensations, refusals).
 */
function placeLabels(connections: readonly ConnectionToPlan[], plans: Map<string, ConnectionPlan>, obstacles: Obstacles): void {
  const placed: Box[] = [];
  const free = (b: Box) =>
    obstacles.within(b.x, b.y, b.x + b.width, b.y + b.height).length === 0 &&
    !placed.some((p) => p.x < b.x + b.width && b.x < p.x + p.width && p.y < b.y + b.height && b.y < p.y + p.height);
  for (const c of connections) {
    const plan = plans.get(c.id)!;
    if (c.label === undefined || plan.lane !== undefined || plan.via !== undefined || c.source === c.target) continue;
    const from = pointOnSide(c.sourceBox, plan.sourceSide, plan.sourceOffset);
    const to = pointOnSide(c.targetBox, plan.targetSide, plan.targetOffset);
    const [c1, c2] = bezierControls(from, plan.sourceSide, to, plan.targetSide);
    const size = labelSize(c.label);
    // As MessageEdge draws it: centred on the point, or beside it where the curve runs up or down.
    const beside = sideAxis(plan.sourceSide) === 'y' && sideAxis(plan.targetSide) === 'y';
    const boxAt = (t: number): Box => {
      const [x, y] = bezierAt(from, c1, c2, to, t);
      return { x: beside ? x + 10 : x - size.width / 2, y: y - size.height / 2, ...size };
    };
    const t = LABEL_PLACES.find((at) => free(boxAt(at))) ?? 0.5;
    placed.push(boxAt(t));
    if (t !== 0.5) plan.labelAt = t;
  }
}

/** Points along the curve a connection would take directly, to test it against the nodes. */
function curveSamples(from: Point, sourceSide: Side, to: Point, targetSide: Side): Point[] {
  const [c1, c2] = bezierControls(from, sourceSide, to, targetSide);
  return [0, 0.2, 0.4, 0.6, 0.8, 1].map((t) => bezierAt(from, c1, c2, to, t));
}

interface End {
  id: string;
  end: 'source' | 'target';
  /** Position along the side of what the end leads to: ends are placed in this order. */
  key: number;
  /** Ends with the same group (one bus arriving on its lane) share one place. */
  group: string;
}

/** Spreads the ends that meet one side of a node along it, ordered so they do not cross. */
function spreadEnds(connections: readonly ConnectionToPlan[], plans: Map<string, ConnectionPlan>): void {
  const sides = new Map<string, { box: Box; side: Side; ends: End[] }>();
  const add = (node: string, box: Box, side: Side, end: End) => {
    const k = `${node}\n${side}`;
    const at = sides.get(k);
    if (at) at.ends.push(end);
    else sides.set(k, { box, side, ends: [end] });
  };
  // Where each bus comes from, on average, along its lane.
  const busFrom = new Map<string, { sum: number; n: number }>();
  for (const c of connections) {
    const plan = plans.get(c.id)!;
    if (plan.lane === undefined) continue;
    const along = plan.sourceSide === 'right' ? centre(c.sourceBox).x : centre(c.sourceBox).y;
    const b = busFrom.get(c.bus) ?? { sum: 0, n: 0 };
    busFrom.set(c.bus, { sum: b.sum + along, n: b.n + 1 });
  }
  for (const c of connections) {
    if (c.source === c.target) continue;
    const plan = plans.get(c.id)!;
    const along = (side: Side, box: Box) => (sideAxis(side) === 'x' ? centre(box).y : centre(box).x);
    if (plan.lane === undefined) {
      // Ordered by where the connection heads: the other node, or the first (last) point of its detour.
      const via = plan.via ? viaPoints(plan.via) : [];
      const next = via[0] ?? centre(c.targetBox);
      const previous = via[via.length - 1] ?? centre(c.sourceBox);
      const key = (side: Side, p: { x: number; y: number }) => (sideAxis(side) === 'x' ? p.y : p.x);
      add(c.source, c.sourceBox, plan.sourceSide, { id: c.id, end: 'source', key: key(plan.sourceSide, next), group: `${c.id} s` });
      add(c.target, c.targetBox, plan.targetSide, { id: c.id, end: 'target', key: key(plan.targetSide, previous), group: `${c.id} t` });
      continue;
    }
    // Out towards the lane; in from the lane, a farther lane further from where the bus comes
    // from, so that it passes beside the nearer lanes' turns instead of across them.
    add(c.source, c.sourceBox, plan.sourceSide, { id: c.id, end: 'source', key: plan.lane, group: `${c.id} s` });
    const from = busFrom.get(c.bus)!;
    const origin = from.sum / from.n;
    const sideAt = pointOnSide(c.targetBox, plan.targetSide, 0)[plan.sourceSide === 'right' ? 1 : 0];
    const distance = Math.abs(plan.lane - sideAt);
    const middle = along(plan.targetSide, c.targetBox);
    add(c.target, c.targetBox, plan.targetSide, {
      id: c.id,
      end: 'target',
      key: origin >= middle ? origin - distance : origin + distance,
      group: `${c.bus}\n${plan.lane}`,
    });
  }
  for (const { box, side, ends } of sides.values()) {
    ends.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const places = new Map<string, number>();
    for (const e of ends) if (!places.has(e.group)) places.set(e.group, places.size);
    const offsets = spreadAlong(places.size, sideAxis(side) === 'x' ? box.height : box.width);
    for (const e of ends) {
      const offset = offsets[places.get(e.group)!]!;
      const plan = plans.get(e.id)!;
      plans.set(e.id, e.end === 'source' ? { ...plan, sourceOffset: offset } : { ...plan, targetOffset: offset });
    }
  }
}

/** The points of a detour, from ConnectionPlan.via. */
export function viaPoints(via: string): { x: number; y: number }[] {
  return via.split(' ').map((p) => {
    const [x, y] = p.split(',').map(Number);
    return { x: x!, y: y! };
  });
}
