import { describe, expect, it } from 'vitest';
import { fetchDesign } from './fetchDesign.ts';

const respond = (body: string, init: ResponseInit = {}) => async () => new Response(body, { headers: { 'content-type': 'application/json' }, ...init });

describe('fetchDesign', () => {
  it('loads a design', async () => {
    const result = await fetchDesign('/x.json', respond('{"format":"sagaboard","version":1,"name":"X","nodes":[],"edges":[]}'));
    expect(result).toMatchObject({ ok: true, doc: { name: 'X' } });
  });
  it('says what the loader says about a bad file', async () => {
    const result = await fetchDesign('/x.json', respond('{ nope'));
    expect(result.ok ? '' : result.error.message).toMatch(/^not JSON/);
  });
  it('reports a missing file as missing, not as bad JSON', async () => {
    const result = await fetchDesign('/x.json', respond('Not found', { status: 404, statusText: 'Not Found' }));
    expect(result.ok ? '' : result.error.message).toBe('the server answered 404 Not Found: there is no design at /x.json');
  });
  it('recognises the web page a single-page server sends for unknown paths', async () => {
    const result = await fetchDesign('/x.json', respond('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    expect(result.ok ? '' : result.error.message).toMatch(/sent a web page/);
  });
  it('turns a network failure into a message', async () => {
    const result = await fetchDesign('/x.json', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(result.ok ? '' : result.error.message).toBe('the file could not be downloaded (Failed to fetch)');
  });
  it('stops reading a download that goes on past the size limit', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
      },
    });
    const result = await fetchDesign('/endless.json', async () => new Response(endless, { headers: { 'content-type': 'application/json' } }));
    expect(result.ok ? '' : result.error.message).toBe('the file is more than 20 MB; Sagaboard opens designs up to 20 MB');
    expect(sent).toBeLessThan(25 * 1024 * 1024);
  });
  it('shortens a long address in its messages', async () => {
    const url = `/${'x'.repeat(3_000)}.json`;
    const result = await fetchDesign(url, respond('Not found', { status: 404, statusText: 'Not Found' }));
    expect(result.ok ? '' : result.error.message).toMatch(/^the server answered 404 Not Found: there is no design at \/x{79}…$/);
  });
  it('reads a design that starts with a byte order mark', async () => {
    const result = await fetchDesign('/x.json', respond('\uFEFF{"format":"sagaboard","version":1,"name":"X","nodes":[],"edges":[]}'));
    expect(result).toMatchObject({ ok: true, doc: { name: 'X' } });
  });
});
