import { describe, expect, it } from 'vitest';
import { LIMITS } from '../model/index.ts';
import { nameInRecord } from './design-library.ts';

describe('nameInRecord', () => {
  it('gives the name of a damaged record no longer than a name may be', () => {
    const name = nameInRecord({ doc: { format: 'sagaboard', name: 'x'.repeat(1_000_000), nodes: 'none' } })!;
    expect(name).toBe(`${'x'.repeat(LIMITS.maxNameLength)}…`);
    expect(nameInRecord({ doc: { name: 'Orders' } })).toBe('Orders');
    expect(nameInRecord({ doc: '{"name": "From text"' })).toBe('From text');
  });
});
