/**
 * `sagaboard simulate` on a design that never ends: a 1,000-way fan-out storm stops at the work
 * bound in a real process, in a second or so and little memory, for one run and for `--runs 100`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fanOutStorm } from '../model/testing/storms.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'sagaboard.mjs');
/** Runs the command line; a run that takes more than 20 s is killed (and the test fails). */
const sagaboard = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });

describe('sagaboard simulate on a 1,000-way fan-out storm (a real process)', { timeout: 60_000 }, () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sagaboard-')), 'storm.sagaboard.json');
  writeFileSync(file, JSON.stringify(fanOutStorm(1_000)));

  it('one run stops at the delivery bound, stuck, naming the cycle', () => {
    const r = sagaboard('simulate', file, '--json');
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { outcome: string; reason: string; durationMs: number; trace: unknown[] };
    expect(json.outcome).toBe('stuck');
    expect(json.reason).toBe('stopped after 10,000 deliveries: an event storm in the cycle Ticked → Ticked');
    expect(Number.isFinite(json.durationMs)).toBe(true);
    expect(json.trace.length).toBeLessThan(50_000);
  });

  it('--runs 100 finishes', () => {
    const r = sagaboard('simulate', file, '--runs', '100', '--json');
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ runs: 100, outcomes: { stuck: 100 } });
  });
});
