/** `sagaboard explore` (spec §3, §7): exit codes, the JSON shape, the numbered schedule, and replaying what it finds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLANTED_BUGS } from '../simulation/explore/corpus/index.ts';
import { runCli } from './testing/runCli.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = (id: string) => readFileSync(join(root, 'src', 'simulation', 'explore', 'corpus', `${id}.sagaboard.json`), 'utf8');
const example = (id: string) => readFileSync(join(root, 'public', 'examples', `${id}.sagaboard.json`), 'utf8');

/** The command-line options of a bug's budgets. */
const flags = (budgets: Record<string, number | undefined>) => Object.entries(budgets).flatMap(([k, n]) => [`--${k}`, String(n)]);

describe('sagaboard explore', () => {
  it.each(PLANTED_BUGS)('finds $id: exit 1, the shortest counterexample as a numbered schedule', (bug) => {
    const r = runCli(['explore', 'bug.json', ...flags(bug.budgets)], { 'bug.json': corpus(bug.id) });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/, complete\n/);
    const shortest = r.out.split('\n').find((l) => l.includes('counterexample') && l.includes('found'))!;
    expect(shortest).toContain(`${bug.outcome} — `);
    expect(shortest.replace(/^.*?— /, '')).toMatch(bug.reason);
    expect(r.out).toMatch(/\n {2}1\. PlaceOrder reaches /);
  });

  it('is silent on a correct design: exit 0, "no problem found" and complete', () => {
    const r = runCli(['explore', 'a.json'], { 'a.json': example('order-choreographed') });
    expect(r.code).toBe(0);
    expect(r.out).toContain('No problem found in 10 states (complete)');
    expect(r.out).toContain('Bounds: 1 failure, 0 duplicates, 0 crashes, 0 late replies');
  });

  it('prints the JSON of spec §7', () => {
    const r = runCli(['explore', 'race.json', '--json'], { 'race.json': corpus('parallel-race') });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['complete', 'states', 'transitions', 'ms', 'counterexamples']);
    expect(json.complete).toBe(true);
    expect(Object.keys(json.counterexamples[0])).toEqual(['outcome', 'reason', 'steps', 'scenario']);
    expect(json.counterexamples[0].scenario.schedule).toHaveLength(json.counterexamples[0].steps);
  });

  it('says when the search stopped at --max-states: not complete, and exit 0 when nothing was found', () => {
    const r = runCli(['explore', 'a.json', '--max-states', '5', '--json'], { 'a.json': example('create-order-saga') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ complete: false, states: 5, counterexamples: [] });
    expect(runCli(['explore', 'a.json', '--max-states', '5'], { 'a.json': example('create-order-saga') }).out).toContain('NOT complete: stopped at 5 states');
  });

  it('writes the counterexamples as regression scenarios, which simulate --scenario replays to the same end', () => {
    const found = runCli(['explore', 'race.json', '--out', 'out.json'], { 'race.json': corpus('parallel-race') });
    expect(found.err).toBe('wrote out.json with 1 regression scenario');
    const saved = JSON.parse(found.written['out.json']!);
    const scenario = saved.scenarios[0];
    expect(scenario.expect).toEqual({ outcome: 'compensated' });
    const replay = runCli(['simulate', 'out.json', '--scenario', scenario.name, '--json'], { 'out.json': found.written['out.json']! });
    // The design still has its bug: the regression scenario fails until it is fixed.
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.out)).toMatchObject({ outcome: 'inconsistent', skippedSteps: [] });
    expect(replay.err).toContain('expects the saga to end compensated, but it ended inconsistent');
  });

  it.each([
    [['explore', 'a.json', '--failures', '-1'], /--failures must be a whole number from 0 to 20/],
    [['explore', 'a.json', '--crashes', 'x'], /--crashes must be a whole number/],
    [['explore', 'a.json', '--max-states', '0'], /--max-states must be a whole number from 1/],
    [['explore', 'a.json', '--seed', '1'], /unknown option --seed/],
    [['explore', 'broken.json'], /^sagaboard: broken.json: /],
    [['explore', 'empty.json'], /cannot explore: Nothing starts the process/],
  ])('exits 2 on %j', (argv, message) => {
    const empty = JSON.stringify({ format: 'sagaboard', version: 2, name: 'Empty', nodes: [], edges: [] });
    const r = runCli(argv, { 'a.json': example('order-orchestrated'), 'broken.json': '{"format":"sagaboard"', 'empty.json': empty });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
