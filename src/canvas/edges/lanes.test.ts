import { describe, expect, it } from 'vitest';
import { assignLanes, type Box } from './lanes.ts';
import { Obstacles } from './obstacles.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });

describe('assignLanes', () => {
  // An orchestrator at the left, two replies at the right, a command in between.
  const orchestrator = box(0, 200);
  const command = box(300, 200);
  const replyA = box(600, 150);
  const replyB = box(600, 260);
  const boxes = [orchestrator, command, replyA, replyB];

  it('gives replies into one node one lane, clear of every node in the way, and one exit line', () => {
    const lanes = assignLanes(
      [
        { id: 'a', bus: 'orchestrator event', sourceBox: replyA, targetBox: orchestrator },
        { id: 'b', bus: 'orchestrator event', sourceBox: replyB, targetBox: orchestrator },
      ],
      new Obstacles(boxes),
    );
    const a = lanes.get('a')!;
    const b = lanes.get('b')!;
    expect(a.lane).toBe(b.lane);
    expect(a.exit).toBe(b.exit);
    expect(a.exit).toBeGreaterThan(750);
    expect(boxes.every((n) => a.lane < n.y || a.lane > n.y + n.height)).toBe(true);
    expect(a.enter).toBe(a.lane < orchestrator.y ? 'before' : 'after');
  });

  it('keeps lanes of different buses apart', () => {
    const lanes = assignLanes(
      [
        { id: 'a', bus: 'orchestrator event', sourceBox: replyA, targetBox: orchestrator },
        { id: 'b', bus: 'orchestrator failure', sourceBox: replyB, targetBox: orchestrator },
      ],
      new Obstacles(boxes),
    );
    expect(Math.abs(lanes.get('a')!.lane - lanes.get('b')!.lane)).toBeGreaterThanOrEqual(12);
  });

  it('takes a gap between rows when that is the shorter way, moving within the gap as lanes fill it', () => {
    // Three rows 200 apart; the target and the sources in the middle one, a node between them:
    // the free line just above their row is nearest.
    const rows = [0, 400].flatMap((y) => [box(0, y), box(300, y), box(600, y)]);
    const target = box(0, 200);
    const between = box(300, 200);
    const sources = [box(600, 200), box(800, 200)];
    const lanes = assignLanes(
      sources.map((s, i) => ({ id: `r${i}`, bus: `bus${i}`, sourceBox: s, targetBox: target })),
      new Obstacles([...rows, target, between, ...sources]),
    );
    const ys = [...lanes.values()].map((l) => l.lane);
    for (const y of ys) expect(y > 56 + 20 && y < 200 - 20).toBe(true);
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(12);
  });
});

describe('Obstacles', () => {
  it('finds the boxes a line passes through, leaving out its own ends', () => {
    const a = box(0, 0);
    const b = box(200, 0);
    const c = box(400, 0);
    const obstacles = new Obstacles([a, b, c]);
    expect(obstacles.crossedBy([[150, 28], [400, 28]], [a, c], 0)).toEqual([b]);
    expect(obstacles.crossedBy([[150, 80], [400, 80]], [a, c], 0)).toEqual([]);
    expect(obstacles.between(160, 390)).toEqual([b]);
  });
});
