import { describe, expect, it } from 'vitest';
import type { Box } from './geometry.ts';
import type { ConnectionPlan } from './plan.ts';
import { laneDashOffset, roundedPolyline, routeConnection, type Route } from './routes.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });
const plain = (b: Box) => ({ box: b, shape: 'box' as const });

/** The first and last points of a path. */
function ends(path: string): [number[], number[]] {
  const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return [numbers.slice(0, 2), numbers.slice(-2)];
}

describe('roundedPolyline', () => {
  it('rounds corners and reports where each straight part starts along the path', () => {
    const { path, straightStarts } = roundedPolyline(
      [
        [0, 0],
        [100, 0],
        [100, 100],
      ],
      10,
    );
    expect(path).toBe('M0,0 L90,0 Q100,0 100,10 L100,100');
    expect(straightStarts[0]).toEqual({ point: [0, 0], distance: 0 });
    expect(straightStarts[1]!.point).toEqual([100, 10]);
    // 90 straight, then the rounded corner: longer than its chord (14.1), shorter than the two legs (20)
    expect(straightStarts[1]!.distance - 90).toBeGreaterThan(Math.hypot(10, 10));
    expect(straightStarts[1]!.distance - 90).toBeLessThan(20);
  });
});

describe('routeConnection', () => {
  const down: ConnectionPlan = { axis: 'y', sourceSide: 'bottom', targetSide: 'top', sourceOffset: 0, targetOffset: 8 };

  it('curves from the source side to the target side, ending on the target border where it was spread', () => {
    const route = routeConnection({ source: plain(box(0, 0)), target: plain(box(0, 200)), plan: down, live: false, loop: false });
    expect(route.path).toContain('C');
    expect(ends(route.path)).toEqual([
      [75, 56],
      [83, 200],
    ]);
    expect(route.vertical).toBe(true);
  });

  it('while a node is dragged, joins the sides that face each other where the nodes are now', () => {
    // Planned top to bottom; the target has been dragged to the right.
    const route = routeConnection({ source: plain(box(0, 0)), target: plain(box(400, 0)), plan: down, live: true, loop: false });
    expect(ends(route.path)).toEqual([
      [150, 28],
      [400, 28],
    ]);
  });

  it('takes the lane the plan gives, left to right: out of the right side, along the lane, into the top', () => {
    const plan: ConnectionPlan = { axis: 'x', sourceSide: 'right', targetSide: 'top', sourceOffset: 0, targetOffset: 0, lane: -30, exit: 680 };
    const route = routeConnection({ source: plain(box(500, 100)), target: plain(box(0, 100)), plan, live: false, loop: false });
    expect(ends(route.path)).toEqual([
      [650, 128],
      [75, 100],
    ]);
    expect(route.path).toContain('680');
    expect(route.labelY).toBe(-30);
    expect(route.laneStart).toMatchObject({ direction: -1 });
  });

  it('turns the lane on its side top to bottom: out of the bottom, along a vertical lane, into the side', () => {
    const plan: ConnectionPlan = { axis: 'y', sourceSide: 'bottom', targetSide: 'left', sourceOffset: 0, targetOffset: 0, lane: -40, exit: 700 };
    const route = routeConnection({ source: plain(box(100, 600)), target: plain(box(100, 0)), plan, live: false, loop: false });
    expect(ends(route.path)).toEqual([
      [175, 656],
      [100, 28],
    ]);
    expect(route.vertical).toBe(true);
    expect(route.labelX).toBe(-40);
  });

  it('bends through the points of a detour', () => {
    const plan: ConnectionPlan = { axis: 'x', sourceSide: 'right', targetSide: 'left', sourceOffset: 0, targetOffset: 0, via: '375,190' };
    const route = routeConnection({ source: plain(box(0, 100)), target: plain(box(600, 100)), plan, live: false, loop: false });
    expect(route.path.match(/C/g)).toHaveLength(2);
    expect(route.path).toContain('375,190');
  });

  it('draws a connection from a node to itself as a loop over its corner', () => {
    const route = routeConnection({ source: plain(box(0, 100)), target: plain(box(0, 100)), plan: down, live: false, loop: true });
    const [from, to] = ends(route.path);
    expect(from).toEqual([150, 128]);
    expect(to).toEqual([112.5, 100]);
  });
});

describe('laneDashOffset', () => {
  const lane = (exit: number, sourceY: number): Route =>
    routeConnection({
      source: plain(box(exit - 170, sourceY)),
      target: plain(box(100, 72)),
      plan: { axis: 'x', sourceSide: 'right', targetSide: 'top', sourceOffset: 0, targetOffset: 0, lane: 20, exit },
      live: false,
      loop: false,
    });

  it('puts two routes sharing a lane in step, wherever they join it', () => {
    const a = lane(520, 100);
    const b = lane(520, 300);
    const period = 5.5;
    const phaseAt = (route: Route, x: number) => {
      const along = route.laneStart!.distance + (route.laneStart!.at - x);
      return (((along + laneDashOffset(route, '0.5 5')!) % period) + period) % period;
    };
    expect(phaseAt(a, 300)).toBeCloseTo(phaseAt(b, 300), 6);
    expect(laneDashOffset(a, undefined)).toBeUndefined();
  });
});
