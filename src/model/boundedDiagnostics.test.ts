/**
 * Hostile designs cannot make the validator say the same thing without end: one diagnostic per
 * connection and cause, names listed up to a few, and at most MAX_DIAGNOSTICS in all.
 */
import { describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS } from './diagnostic.ts';
import { reactionTable } from './reactions.ts';
import { design, example, nodeNamed } from './testing/builder.ts';
import { validate } from './validate.ts';

/** Runs `fn` and says how long it took, in ms. */
function timed<T>(fn: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = fn();
  return { result, ms: performance.now() - started };
}

describe('diagnostics stay bounded', () => {
  it('an `on` list repeating one unknown id 100,000 times is one G014 naming it once, quickly', () => {
    const doc = example('order-orchestrated');
    const edge = doc.edges.find((e) => e.on && e.on.length > 0)!;
    edge.on = [...edge.on!, ...Array.from({ length: 100_000 }, () => 'ghost')];
    const { result, ms } = timed(() => validate(doc));
    const g014 = result.diagnostics.filter((d) => d.rule === 'G014');
    expect(g014).toHaveLength(1);
    expect(g014[0]!.edges).toEqual([edge.id]);
    expect(g014[0]!.message.match(/ghost/g)).toHaveLength(1);
    expect(result.diagnostics.length).toBeLessThan(10);
    expect(ms).toBeLessThan(1_000);
  });

  it('one G014 per connection lists each distinct unknown message once, and a few of many', () => {
    const doc = example('order-orchestrated');
    const edge = doc.edges.find((e) => e.on && e.on.length > 0)!;
    edge.on = [...edge.on!, 'ghost', 'phantom', 'ghost', ...Array.from({ length: 500 }, (_, i) => `spirit${i}`)];
    const g014 = validate(doc).diagnostics.filter((d) => d.rule === 'G014');
    expect(g014).toHaveLength(1);
    expect(g014[0]!.message).toContain('"ghost", "phantom"');
    expect(g014[0]!.message).toMatch(/and 49\d more/);
    expect(g014[0]!.message.length).toBeLessThan(600);
  });

  it('an actor connection repeating an `on` entry is one G014', () => {
    const doc = design().actor('User').command('Start').service('Worker').link('User', 'Start', 'Worker').doc;
    doc.edges[0]!.on = Array.from({ length: 100_000 }, () => 'Start');
    const g014 = validate(doc).diagnostics.filter((d) => d.rule === 'G014');
    expect(g014).toHaveLength(1);
  });

  it('a known message repeated in `on` is one reaction: its output is emitted once', () => {
    const doc = example('order-orchestrated');
    const edge = doc.edges.find((e) => e.on && e.on.length === 1)!;
    edge.on = Array.from({ length: 100_000 }, () => edge.on![0]!);
    const reactions = reactionTable(doc).get(edge.source)!;
    const reaction = reactions.byInput.get(edge.on[0]!)!;
    expect([...reaction.onSuccess, ...reaction.onFailure].filter((l) => l.edge.id === edge.id)).toHaveLength(1);
    expect(validate(doc).diagnostics).toEqual(validate(example('order-orchestrated')).diagnostics);
  });

  it(`keeps the first ${MAX_DIAGNOSTICS} diagnostics, errors first, and counts the rest by severity`, () => {
    const b = design().actor('User');
    // 3,000 commands nobody handles: a G012 error each, and (sent by User) nothing else.
    for (let i = 0; i < 3_000; i++) b.command(`Do${i}`).link('User', `Do${i}`);
    const { result, ms } = timed(() => validate(b.doc));
    expect(result.diagnostics).toHaveLength(MAX_DIAGNOSTICS);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(result.omitted).toEqual({ error: 3_000 - MAX_DIAGNOSTICS, warning: 0, info: 0 });
    expect(ms).toBeLessThan(2_000);
    expect(validate(example('order-orchestrated')).omitted).toBeUndefined();
  });

  it('names many triggers once, not once per unreachable node (G010)', () => {
    const b = design();
    for (let i = 0; i < 2_000; i++) b.event(`Arrived${i}`).service(`Handler${i}`).link(`Arrived${i}`, `Handler${i}`);
    for (let i = 0; i < 2_000; i++) b.service(`Island${i}`);
    const { result, ms } = timed(() => validate(b.doc));
    const g010 = result.diagnostics.filter((d) => d.rule === 'G010');
    expect(g010.length).toBeGreaterThan(0);
    for (const d of g010) expect(d.message.length).toBeLessThan(400);
    expect(ms).toBeLessThan(2_000);
  });

  it('lists at most a few names in one message (G012 with many handlers)', () => {
    const doc = example('order-orchestrated');
    const command = nodeNamed(doc, 'ProcessPayment');
    for (let i = 0; i < 500; i++) {
      doc.nodes.push({ id: `h${i}`, kind: 'service', name: `Handler${i}` });
      doc.edges.push({ id: `he${i}`, source: command.id, target: `h${i}` });
    }
    const [g012] = validate(doc).diagnostics.filter((d) => d.rule === 'G012');
    expect(g012!.message).toMatch(/and \d+ more/);
    expect(g012!.message.length).toBeLessThan(400);
  });

  it('stays linear when thousands of services publish one event that thousands subscribe to (O005, C003)', () => {
    const b = design().actor('User').command('Start').orchestrator('Saga').link('User', 'Start', 'Saga').event('Shared').command('Do');
    b.doc.declaredStyle = 'orchestration';
    for (let i = 0; i < 4_000; i++) b.service(`P${i}`).service(`S${i}`).link(`P${i}`, 'Shared', `S${i}`).link(`S${i}`, 'Do').link('Do', `P${i}`);
    const { result, ms } = timed(() => validate(b.doc));
    expect(result.omitted?.warning).toBeGreaterThan(0);
    const refs = result.diagnostics.reduce((n, d) => n + d.nodes.length + d.edges.length, 0);
    expect(refs).toBeLessThan(200_000);
    expect(ms).toBeLessThan(3_000);
  });

  it('a missing "on" on thousands of outputs of a node with thousands of inputs stays quick: the rules assume a bounded number of answers', () => {
    // Hub hears 2,000 events and publishes 2,000 without "on": 4,000,000 (output, input) pairs if every one were assumed
    const b = design().actor('User').command('Start').service('Hub').link('User', 'Start', 'Hub');
    for (let i = 0; i < 2_000; i++) b.event(`In${i}`).link(`In${i}`, 'Hub').event(`Out${i}`, { terminal: true }).link('Hub', `Out${i}`);
    const { result, ms } = timed(() => validate(b.doc));
    expect(result.diagnostics.filter((d) => d.rule === 'G013').length + (result.omitted?.error ?? 0)).toBe(2_000);
    expect(ms).toBeLessThan(3_000);
  });

  it('an orchestrator sending thousands of commands without "on" stays quick', () => {
    const b = design().actor('User').command('Start').orchestrator('Saga').event('Ticked').service('Worker').link('User', 'Start', 'Saga').link('Ticked', 'Saga');
    for (let i = 0; i < 2_000; i++) b.command(`Do${i}`).link('Saga', `Do${i}`, 'Worker');
    b.command('Bound').edge('Saga', 'Bound', { on: ['Start'] }).link('Bound', 'Worker');
    b.doc.declaredStyle = 'orchestration';
    const { result, ms } = timed(() => validate(b.doc));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(3_000);
  });
});
