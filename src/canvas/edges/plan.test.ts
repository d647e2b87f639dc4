import { describe, expect, it } from 'vitest';
import type { Box } from './geometry.ts';
import { planChanges, planConnections, samePlan, viaPoints, type ConnectionPlan, type ConnectionToPlan } from './plan.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });

function plan(nodes: Record<string, Box>, links: [string, string, string?][]) {
  const connections: ConnectionToPlan[] = links.map(([source, target, bus], i) => ({
    id: `e${i}`,
    source,
    target,
    sourceBox: nodes[source]!,
    targetBox: nodes[target]!,
    bus: bus ?? `${target} ${i}`,
  }));
  return planConnections(connections, Object.values(nodes));
}

describe('planConnections', () => {
  it('joins a column placed by hand from bottom to top, and sends a reply back up round the side, not through the column', () => {
    const nodes = { a: box(0, 0), b: box(0, 120), c: box(0, 240), d: box(0, 360) };
    const plans = plan(nodes, [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'b'],
    ]);
    for (const id of ['e0', 'e1', 'e2']) expect(plans.get(id)).toMatchObject({ axis: 'y', sourceSide: 'bottom', targetSide: 'top' });
    const reply = plans.get('e3')!;
    expect(reply.lane).toBeDefined();
    expect(reply.sourceSide).toBe('bottom');
    expect(['left', 'right']).toContain(reply.targetSide);
    // The lane runs beside the column, clear of it.
    expect(reply.lane! < -14 || reply.lane! > 150 + 14).toBe(true);
  });

  it('spreads connections meeting one side along it, in the order of where they come from', () => {
    const nodes = { t: box(300, 300), l: box(0, 0), m: box(300, 0), r: box(600, 0) };
    const plans = plan(nodes, [
      ['r', 't'],
      ['l', 't'],
      ['m', 't'],
    ]);
    const offsets = ['e1', 'e2', 'e0'].map((id) => plans.get(id)!.targetOffset);
    expect(plans.get('e0')!.targetSide).toBe('top');
    expect(offsets).toEqual([...offsets].sort((p, q) => p - q));
    expect(new Set(offsets).size).toBe(3);
  });

  it('brings replies to an orchestrator in as one bus per look, each entering at its own place', () => {
    // Orchestrator, a column of commands, a column of replies, left to right.
    const nodes: Record<string, Box> = { o: box(0, 200) };
    for (let i = 0; i < 4; i++) nodes[`c${i}`] = box(250, 60 + i * 96);
    for (let i = 0; i < 6; i++) nodes[`r${i}`] = box(500, 0 + i * 80);
    const links: [string, string, string?][] = [0, 1, 2, 3].map((i) => ['o', `c${i}`] as [string, string]);
    for (let i = 0; i < 6; i++) links.push([`r${i}`, 'o', i % 2 === 0 ? 'o event' : 'o failure']);
    const plans = plan(nodes, links);
    const replies = links.map((_, i) => plans.get(`e${i}`)!).slice(4);
    expect(replies.every((p) => p.lane !== undefined && p.sourceSide === 'right')).toBe(true);
    const events = replies.filter((_, i) => i % 2 === 0);
    const failures = replies.filter((_, i) => i % 2 === 1);
    // One lane and one entry per bus, two buses apart.
    expect(new Set(events.map((p) => `${p.lane} ${p.targetSide} ${p.targetOffset}`)).size).toBe(1);
    expect(new Set(failures.map((p) => `${p.lane} ${p.targetSide} ${p.targetOffset}`)).size).toBe(1);
    expect(events[0]!.lane).not.toBe(failures[0]!.lane);
    expect(`${events[0]!.targetSide} ${events[0]!.targetOffset}`).not.toBe(`${failures[0]!.targetSide} ${failures[0]!.targetOffset}`);
    // The commands go straight out to the right.
    expect(plans.get('e0')).toMatchObject({ sourceSide: 'right', targetSide: 'left' });
    expect(plans.get('e0')!.lane).toBeUndefined();
  });

  it('bends a connection with the flow through a gap instead of through a node in its way', () => {
    const nodes = { a: box(0, 100), blocker: box(300, 100), above: box(300, -20), b: box(600, 100) };
    const plans = plan(nodes, [['a', 'b']]);
    const p = plans.get('e0')!;
    expect(p).toMatchObject({ sourceSide: 'right', targetSide: 'left' });
    const [enter, leave] = viaPoints(p.via!);
    expect([enter!.x, leave!.x]).toEqual([300, 450]);
    expect(enter!.y > 156 || (enter!.y > 36 && enter!.y < 100)).toBe(true);
  });

  it('draws a step back to a neighbour straight, and takes a longer way back round by a lane even past no node', () => {
    // Left to right (a → b, b → c forward); c answers b next door, and a far away.
    const nodes = { a: box(0, 0), b: box(250, 0), c: box(500, 0), d: box(500, 200) };
    const plans = plan(nodes, [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'b'],
      ['d', 'a'],
    ]);
    expect(plans.get('e2')).toMatchObject({ sourceSide: 'left', targetSide: 'right' });
    expect(plans.get('e2')!.lane).toBeUndefined();
    expect(plans.get('e3')!.lane).toBeDefined();
  });

  it('moves a label off the middle of its curve when there it would cover a node', () => {
    // a to b, with a small node sitting just under the middle of the curve, clear of the curve itself.
    const nodes = { a: box(0, 0), b: box(700, 0), under: box(400, 34, 40, 40) };
    const connections: ConnectionToPlan[] = [{ id: 'e0', source: 'a', target: 'b', sourceBox: nodes.a, targetBox: nodes.b, bus: 'b', label: 'compensated by' }];
    const plans = planConnections(connections, Object.values(nodes));
    expect(plans.get('e0')!.via).toBeUndefined();
    expect(plans.get('e0')!.labelAt).toBeDefined();
    expect(plans.get('e0')!.labelAt).not.toBe(0.5);
    // Without the node, half-way.
    expect(planConnections(connections, [nodes.a, nodes.b]).get('e0')!.labelAt).toBeUndefined();
  });

  it('plans a connection from a node to itself as a loop', () => {
    const plans = plan({ a: box(0, 0) }, [['a', 'a']]);
    expect(plans.get('e0')).toMatchObject({ sourceSide: 'right', targetSide: 'top' });
  });
});

describe('the plans a move changed', () => {
  const plan = (sourceOffset: number, via?: string): ConnectionPlan => ({ axis: 'x', sourceSide: 'right', targetSide: 'left', sourceOffset, targetOffset: 0, ...(via !== undefined && { via }) });

  it('are the new plans and the plans whose route differs, not the ones drawn the same', () => {
    const before = new Map([
      ['a', plan(0)],
      ['b', plan(4)],
      ['c', plan(0, '10,10')],
    ]);
    const now = new Map([
      ['a', plan(0)],
      ['b', plan(6)],
      ['c', plan(0)],
      ['d', plan(0)],
    ]);
    expect(planChanges(before, now).map(([id]) => id)).toEqual(['b', 'c', 'd']);
    expect(planChanges(now, now)).toEqual([]);
  });

  it('merged into the plans before, give the plans after', () => {
    const before = new Map([
      ['a', plan(0)],
      ['b', plan(4)],
    ]);
    const now = new Map([
      ['a', plan(2, '5,5')],
      ['b', plan(4)],
    ]);
    const merged = new Map(before);
    for (const [id, p] of planChanges(before, now)) merged.set(id, p);
    expect(merged).toEqual(now);
    expect(samePlan(merged.get('b')!, before.get('b')!)).toBe(true);
  });
});

describe('two plans are the same', () => {
  // Every field of a plan (the compiler asks for a new one here), with a value and another.
  const FIELDS = {
    axis: ['x', 'y'],
    sourceSide: ['right', 'bottom'],
    targetSide: ['left', 'top'],
    sourceOffset: [0, 3],
    targetOffset: [0, -3],
    lane: [10, 20],
    exit: [5, 6],
    via: ['1,1', '2,2'],
    labelAt: [0.25, 0.75],
  } as const satisfies Record<keyof ConnectionPlan, readonly [unknown, unknown]>;
  const full = Object.fromEntries(Object.entries(FIELDS).map(([k, [v]]) => [k, v])) as unknown as ConnectionPlan;

  it.each(Object.keys(FIELDS))('only when %s is the same too', (key) => {
    expect(samePlan({ ...full }, full)).toBe(true);
    const other = { ...full, [key]: FIELDS[key as keyof ConnectionPlan][1] };
    expect(samePlan(other, full)).toBe(false);
  });
});
