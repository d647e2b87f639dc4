import { describe, expect, it } from 'vitest';
import { copyName, freeName } from './design-names.ts';

describe('names of new designs', () => {
  it('takes the plain name when it is free, else the first free number', () => {
    expect(freeName('Untitled design', [])).toBe('Untitled design');
    expect(freeName('Untitled design', ['untitled design', 'Untitled design 2', 'Orders'])).toBe('Untitled design 3');
  });

  it('counts on from a number the name already ends in, never “2 2”', () => {
    expect(freeName('Untitled design 2', ['Untitled design', 'Untitled design 2'])).toBe('Untitled design 3');
    expect(freeName('Orders 9', ['Orders 9', 'Orders 10'])).toBe('Orders 11');
    expect(freeName('Orders 9', ['Orders'])).toBe('Orders 9');
  });

  it('names a copy after its original, without stacking “(copy)”', () => {
    expect(copyName('Orders', ['Orders'])).toBe('Orders (copy)');
    expect(copyName('Orders', ['Orders', 'Orders (copy)'])).toBe('Orders (copy 2)');
    expect(copyName('Orders (copy)', ['Orders', 'Orders (copy)', 'Orders (copy 2)'])).toBe('Orders (copy 3)');
  });
});
