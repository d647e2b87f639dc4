/** The verdict on each criterion of a comparison, in the articles' terms. */
import { describe, expect, it } from 'vitest';
import { design, example } from '../model/testing/builder.ts';
import { MEASURE_KEYS } from './analyse.ts';
import { compare } from './compare.ts';
import { measureVerdict, measureVerdicts, verdictSides } from './compareVerdicts.ts';

describe('measureVerdicts', () => {
  // given the two order processes, compared with the orchestration on the left
  const docs = [example('order-orchestrated'), example('order-choreographed')] as const;
  const c = compare(docs[0], docs[1], { runs: 1 });
  const verdicts = measureVerdicts(c.measures, verdictSides(docs, c.styles));

  it('names the better design by its style and gives both figures when the right one wins', () => {
    expect(verdicts.coupling).toBe('The choreography couples less: PaymentService depends on 2 others, OrderService on 3.');
    expect(verdicts.latency).toBe('The choreography is faster on the happy path: 108 ms, against 154 ms.');
    expect(verdicts.addReaction).toBe(
      'The choreography takes a new reaction without touching anyone: the newcomer subscribes to an event, while in the orchestration OrderService must change to command it.',
    );
  });

  it('… and when the left one wins', () => {
    expect(verdicts.flowVisibility).toBe('The orchestration keeps the whole flow in one place (OrderService), while the choreography spreads it over 4 participants.');
    expect(verdicts.failureHandling).toBe(
      'The orchestration centralises compensation in one place (OrderService), while the choreography distributes it over 2 places (OrderService and PaymentService).',
    );
    expect(verdicts.insertStep).toBe('The orchestration takes a new step with fewer changes: at most 1 participant (OrderService), against 2 (PaymentService and OrderService).');
  });

  it('says the designs are even on a tie', () => {
    expect(verdicts.blastRadius).toBe('The same single point of failure: while OrderService is down, 100% of the happy path stops in both.');
    expect(verdicts.schemaChange).toBe('Evolving alike: a schema change touches at most 2 participants in both.');
  });

  it('swapping the sides keeps the same verdicts', () => {
    const swapped = compare(docs[1], docs[0], { runs: 1 });
    expect(measureVerdicts(swapped.measures, verdictSides([docs[1], docs[0]], swapped.styles))).toEqual(verdicts);
  });

  it('finds a design even with itself on every criterion', () => {
    const self = compare(docs[0], docs[0], { runs: 1 });
    const same = measureVerdicts(self.measures, verdictSides([docs[0], docs[0]], self.styles, ['the left design', 'the right design']));
    expect(Object.keys(same)).toEqual([...MEASURE_KEYS]);
    expect(same.coupling).toBe('Coupled alike: OrderService depends on 3 others in both.');
    expect(same.flowVisibility).toBe('Both keep the whole flow in one place (OrderService).');
    expect(same.messages).toBe('Both send 8 messages per saga without failure.');
    expect(same.latency).toBe('Both take 154 ms on the happy path.');
    for (const v of Object.values(same)) expect(v).not.toMatch(/left design|right design/);
  });
});

describe('verdictSides', () => {
  const a = example('credit-reservation');
  const b = example('order-choreographed');

  it('names the designs by name when their styles are the same, by place when their names are too', () => {
    const c = compare(a, b, { runs: 1 });
    expect(measureVerdict('latency', c.measures.latency, verdictSides([a, b], c.styles))).toBe(
      '“Credit reservation (choreographed)” is faster on the happy path: 66 ms, against 108 ms.',
    );
    const twin = { ...b, name: a.name };
    const t = compare(a, twin, { runs: 1 });
    expect(measureVerdict('latency', t.measures.latency, verdictSides([a, twin], t.styles, ['the left design', 'the right design']))).toBe(
      'The left design is faster on the happy path: 66 ms, against 108 ms.',
    );
  });
});

describe('a design that cannot be simulated', () => {
  // given a choreography whose event nobody starts (no trigger): only its structure is measured
  const stuck = design('No trigger').service('PaymentService').event('Paid').service('Other').link('PaymentService', 'Paid', 'Other').doc;
  const good = example('order-orchestrated');
  const c = compare(good, stuck, { runs: 1 });
  const verdicts = measureVerdicts(c.measures, verdictSides([good, stuck], c.styles));

  it('still compares the structural measures', () => {
    expect(verdicts.coupling).toBe('The choreography couples less: Other depends on 1 other, OrderService on 3.');
  });

  it('says why a simulated measure has no winner', () => {
    expect(verdicts.latency).toBe(
      'Latency is not measured in the choreography, so no side wins: the design cannot be simulated: nothing starts the process: draw an actor sending a command, or a message that nobody produces.',
    );
  });

  it('says so once when neither design can be measured', () => {
    const both = compare(stuck, stuck, { runs: 1 });
    expect(measureVerdict('testPaths', both.measures.testPaths, verdictSides([stuck, stuck], both.styles))).toMatch(
      /^Test paths is not measured in either design: the design cannot be simulated: nothing starts the process/,
    );
  });
});
