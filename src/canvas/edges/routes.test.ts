import { describe, expect, it } from 'vitest';
import { Position } from '@xyflow/react';
import { laneDashOffset, roundedPolyline, routeEdge } from './routes.ts';

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

describe('routeEdge', () => {
  const base = { sourceX: 500, sourceY: 100, targetX: 100, targetY: 72, sourcePosition: Position.Right, exitX: 520, entryX: 175 };

  it('takes the lane given by the adapter, into the top of the target', () => {
    const route = routeEdge({ ...base, targetPosition: Position.Top, laneY: 20 });
    expect(route.path.startsWith('M500,100')).toBe(true);
    expect(route.path).toContain('175,72');
    expect(route.labelY).toBe(20);
    expect(route.laneStart).toBeDefined();
  });

  it('curves forward connections', () => {
    const route = routeEdge({ ...base, sourceX: 0, targetX: 300, targetPosition: Position.Left, laneY: undefined });
    expect(route.path).toContain('C');
    expect(route.laneStart).toBeUndefined();
  });
});

describe('laneDashOffset', () => {
  it('puts two routes sharing a lane in step, wherever they join it', () => {
    const a = routeEdge({ sourceX: 500, sourceY: 100, targetX: 100, targetY: 72, sourcePosition: Position.Right, targetPosition: Position.Top, laneY: 20, exitX: 520, entryX: 175 });
    const b = routeEdge({ sourceX: 480, sourceY: 300, targetX: 100, targetY: 72, sourcePosition: Position.Right, targetPosition: Position.Top, laneY: 20, exitX: 520, entryX: 175 });
    const period = 5.5;
    const phaseAt = (route: typeof a, x: number) => {
      const along = route.laneStart!.distance + (route.laneStart!.x - x);
      return (((along + laneDashOffset(route, '0.5 5')!) % period) + period) % period;
    };
    expect(phaseAt(a, 300)).toBeCloseTo(phaseAt(b, 300), 6);
    expect(laneDashOffset(a, undefined)).toBeUndefined();
  });
});
