import { describe, expect, it } from 'vitest';
import { requestFromUrl, searchFor } from './urlState.ts';

describe('requestFromUrl', () => {
  it('opens the last saved design, else the default example, without a query', () => {
    expect(requestFromUrl('http://localhost/')).toEqual({ source: { kind: 'example', id: 'order-orchestrated' }, lastOpenedFirst: true });
    expect(requestFromUrl('http://localhost/?other=1').lastOpenedFirst).toBe(true);
  });
  it('opens a saved design by its id', () => {
    expect(requestFromUrl('http://localhost/?design=3f9a0c1b2d4e')).toEqual({ source: { kind: 'saved', id: '3f9a0c1b2d4e' } });
  });
  it('falls back to the default, with a problem, for something that is not a design id', () => {
    for (const [id, quoted] of [
      ['', ''],
      ['../x', '../x'],
      ['a'.repeat(65), `${'a'.repeat(40)}…`],
    ]) {
      const request = requestFromUrl(`http://localhost/?design=${encodeURIComponent(id!)}`);
      expect(request.source).toEqual({ kind: 'example', id: 'order-orchestrated' });
      expect(request.problem).toEqual({ what: `saved design “${quoted}”`, message: 'this is not the id of a saved design' });
      expect(request.lastOpenedFirst).toBeUndefined();
    }
  });
  it('quotes what the address asked for short, with its invisible characters shown', () => {
    const long = `${'x'.repeat(1_500)}\u202E${'y'.repeat(1_500)}`;
    for (const param of ['design', 'example', 'file']) {
      const what = requestFromUrl(`http://localhost/?${param}=${encodeURIComponent(param === 'file' ? `https://evil.example/${long}` : long)}`).problem!.what;
      expect(what.length).toBeLessThan(120);
      expect(what).toMatch(/…”$/);
    }
    expect(requestFromUrl(`http://localhost/?example=${encodeURIComponent('a\u202Eb\u200B')}`).problem!.what).toBe('example “a<U+202E>b<U+200B>”');
  });
  it('opens a named example', () => {
    expect(requestFromUrl('http://localhost/?example=checkout-fanout')).toEqual({ source: { kind: 'example', id: 'checkout-fanout' } });
  });
  it('falls back to the default, with a problem, for an unknown example', () => {
    const request = requestFromUrl('http://localhost/?example=nope');
    expect(request.source).toEqual({ kind: 'example', id: 'order-orchestrated' });
    expect(request.problem).toEqual({ what: 'example “nope”', message: 'there is no example with this name' });
  });
  it('opens a file on this site, and refuses one elsewhere', () => {
    expect(requestFromUrl('http://localhost/?file=/fixtures/a.sagaboard.json').source).toEqual({ kind: 'file', url: '/fixtures/a.sagaboard.json' });
    expect(requestFromUrl('http://localhost/app/?file=designs/a.json').source).toEqual({ kind: 'file', url: 'designs/a.json' });
    expect(requestFromUrl('http://localhost/?file=https://evil.example/a.json').problem?.message).toMatch(/this site only/);
    expect(requestFromUrl('http://localhost/?file=javascript:alert(1)').problem).toBeDefined();
  });
});

describe('searchFor', () => {
  it('writes the query that reads back as the same source', () => {
    const sources = [
      { kind: 'example', id: 'credit-reservation' },
      { kind: 'file', url: '/fixtures/a b.json' },
      { kind: 'saved', id: '3f9a0c1b2d4e' },
    ] as const;
    for (const source of sources) {
      expect(requestFromUrl(`http://localhost/${searchFor(source)}`).source).toEqual(source);
    }
  });
});
