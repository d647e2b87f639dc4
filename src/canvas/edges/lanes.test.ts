import { describe, expect, it } from 'vitest';
import { assignLanes, runsBackward, type Box } from './lanes.ts';

const box = (x: number, y: number, width = 150, height = 56): Box => ({ x, y, width, height });

describe('assignLanes', () => {
  // An orchestrator at the left, two replies at the right, a command in between.
  const orchestrator = box(0, 200);
  const command = box(300, 200);
  const replyA = box(600, 150);
  const replyB = box(600, 260);
  const boxes = [orchestrator, command, replyA, replyB];

  it('gives replies into one node one lane, clear of every node in the way', () => {
    const lanes = assignLanes(
      [
        { id: 'a', bus: 'orchestrator event', sourceBox: replyA, targetBox: orchestrator },
        { id: 'b', bus: 'orchestrator event', sourceBox: replyB, targetBox: orchestrator },
      ],
      boxes,
    );
    const a = lanes.get('a')!;
    const b = lanes.get('b')!;
    expect(a.laneY).toBe(b.laneY);
    expect(a.exitX).toBe(b.exitX);
    expect(a.exitX).toBeGreaterThan(750);
    const clear = boxes.every((n) => a.laneY < n.y || a.laneY > n.y + n.height);
    expect(clear).toBe(true);
    expect(a.entryX).toBe(orchestrator.x + orchestrator.width / 2);
    expect(a.enter).toBe(a.laneY < orchestrator.y ? 'top' : 'bottom');
  });

  it('keeps lanes of different buses apart', () => {
    const lanes = assignLanes(
      [
        { id: 'a', bus: 'orchestrator event', sourceBox: replyA, targetBox: orchestrator },
        { id: 'b', bus: 'orchestrator failure', sourceBox: replyB, targetBox: orchestrator },
      ],
      boxes,
    );
    expect(lanes.get('a')!.laneY).not.toBe(lanes.get('b')!.laneY);
    expect(lanes.get('a')!.entryX).not.toBe(lanes.get('b')!.entryX);
  });
});

describe('runsBackward', () => {
  it('is true when the target starts left of the source end (with room for the turns)', () => {
    expect(runsBackward(box(0, 0), box(400, 0))).toBe(false);
    expect(runsBackward(box(400, 0), box(0, 0))).toBe(true);
    expect(runsBackward(box(0, 0), box(160, 0))).toBe(true);
  });
});
