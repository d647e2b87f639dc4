import { describe, expect, it } from 'vitest';
import { Agenda } from './queue.ts';
import { seededRandom } from './random.ts';

describe('Agenda', () => {
  it('pops by time, and in scheduling order at equal times', () => {
    const agenda = new Agenda<{ t: number; seq: number; name: string }>();
    for (const [t, name] of [[5, 'e'], [1, 'a'], [3, 'c1'], [3, 'c2'], [0, 'start'], [3, 'c3']] as const)
      agenda.push({ t, seq: 0, name });
    const names: string[] = [];
    for (let item = agenda.pop(); item; item = agenda.pop()) names.push(item.name);
    expect(names).toEqual(['start', 'a', 'c1', 'c2', 'c3', 'e']);
  });

  it('sorts thousands of random times like Array.sort', () => {
    const random = seededRandom(7);
    const agenda = new Agenda<{ t: number; seq: number }>();
    const times = Array.from({ length: 5_000 }, () => Math.floor(random() * 100));
    for (const t of times) agenda.push({ t, seq: 0 });
    const popped: number[] = [];
    for (let item = agenda.pop(); item; item = agenda.pop()) popped.push(item.t);
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('Agenda.filter', () => {
  it('returns the queued items that pass, in scheduling order, and leaves them queued', () => {
    const agenda = new Agenda<{ t: number; seq: number; name: string }>();
    for (const [t, name] of [[9, 'x1'], [1, 'y'], [4, 'x2'], [0, 'x3']] as const) agenda.push({ t, seq: 0, name });
    expect(agenda.filter((i) => i.name.startsWith('x')).map((i) => i.name)).toEqual(['x1', 'x2', 'x3']);
    expect(agenda.size).toBe(4);
  });
});

describe('seededRandom', () => {
  it('repeats a sequence for the same seed and differs for another', () => {
    const take = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 5 }, r);
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of take(1)) expect(x >= 0 && x < 1).toBe(true);
  });
});
