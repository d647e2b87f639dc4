import { describe, expect, it } from 'vitest';
import { requestFromUrl, searchFor } from './urlState.ts';

describe('requestFromUrl', () => {
  it('opens the default example without a query', () => {
    expect(requestFromUrl('http://localhost/')).toEqual({ source: { kind: 'example', id: 'order-orchestrated' } });
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
    for (const source of [{ kind: 'example', id: 'credit-reservation' } as const, { kind: 'file', url: '/fixtures/a b.json' } as const]) {
      expect(requestFromUrl(`http://localhost/${searchFor(source)}`).source).toEqual(source);
    }
  });
});
