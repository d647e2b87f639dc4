import { describe, expect, it } from 'vitest';
import { analyse } from '../../analysis/analyse.ts';
import { design, example } from '../../model/testing/builder.ts';
import { barOf, scorecard } from './scorecard.ts';

describe('scorecard', () => {
  const doc = example('order-orchestrated');
  const name = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const rows = scorecard(analyse(doc), name);
  const row = (key: string) => rows.find((r) => r.key === key)!;

  it('has a row per measure of spec §6.1, in its order, with the figure and who it points at', () => {
    expect(rows.map((r) => r.key)).toEqual(['coupling', 'blastRadius', 'schemaChange', 'addReaction', 'insertStep', 'flowVisibility', 'failureHandling', 'messages', 'latency', 'testPaths']);
    expect(row('coupling')).toMatchObject({ label: 'Coupling', counts: 'most dependencies', value: '3', worst: 'OrderService', measured: true });
    expect(row('testPaths')).toMatchObject({ label: 'Test paths', counts: '', about: '' });
    expect(row('coupling').about).toBe('most dependencies: OrderService');
    expect(row('latency').about).toBe('happy path (3 steps in a row)');
    expect(row('blastRadius')).toMatchObject({ value: '100%', worst: 'OrderService' });
    expect(row('latency').value).toBe('154 ms');
    expect(row('coupling').nodes).toContain('orderService');
    expect(row('coupling').message).toMatch(/^OrderService depends on the most participants/);
  });

  it('scales each bar by what the measure could be at most in this design', () => {
    // 4 participants: OrderService depends on all 3 others (full bar); one place holds the flow (1/4).
    expect(row('coupling').bar).toBe(1);
    expect(row('blastRadius').bar).toBe(1);
    expect(row('flowVisibility').bar).toBe(0.25);
    expect(row('schemaChange').bar).toBe(0.5);
    expect(row('insertStep').bar).toBeCloseTo(1 / 3);
    expect(row('messages').bar).toBeUndefined();
    expect(row('latency').bar).toBeUndefined();
    expect(row('testPaths').bar).toBeUndefined();
  });

  it('never draws a bar past full, nor divides by no participants', () => {
    const m = { value: 5, message: '', nodes: [], participants: [], maxEfferent: 5, meanEfferent: 1, worst: null };
    expect(barOf('coupling', m, 3)).toBe(1);
    expect(barOf('coupling', m, 1)).toBe(0);
    expect(barOf('flowVisibility', { value: 2, message: '', nodes: [], participants: [] }, 0)).toBe(0);
  });

  it('shows a measure that could not be measured with a dash, no bar, and the reason', () => {
    const broken = design('Broken').service('A').command('Go').doc;
    const unmeasured = scorecard(analyse(broken), (id) => id).find((r) => r.key === 'latency')!;
    expect(unmeasured).toMatchObject({ value: '–', bar: undefined, measured: false });
    expect(unmeasured.message).toMatch(/^Latency cannot be measured: /);
  });
});
