import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_IDS, example } from '../model/testing/builder.ts';
import { MAX_LINK_CHARS, readShareFragment, shareFragment } from './shareLink.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  for (const id of EXAMPLE_IDS)
    it(`carry ${id} and give it back unchanged`, () => {
      const link = shareFragment(example(id));
      expect(link.ok).toBe(true);
      if (!link.ok) return;
      expect(link.fragment.length).toBeLessThanOrEqual(MAX_LINK_CHARS);
      expect(readShareFragment(link.fragment)).toEqual({ ok: true, doc: example(id) });
    });

  it('refuse a design too big for a link, and say to export a file', () => {
    const big = example('create-order-saga');
    const nodes = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, kind: 'event' as const, name: `Event number ${i} ${Math.random()}` }));
    const link = shareFragment({ ...big, nodes: [...big.nodes, ...nodes] });
    expect(link).toMatchObject({ ok: false });
    if (!link.ok) expect(link.message).toMatch(/Export it as a file/);
  });

  it('say when a link was cut off', () => {
    const link = shareFragment(example('order-orchestrated'));
    if (!link.ok) throw new Error(link.message);
    const result = readShareFragment(link.fragment.slice(0, link.fragment.length - 40));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/incomplete|damaged/);
  });

  it('say when a link was changed by hand', () => {
    expect(readShareFragment('#share=v1.@@@not-base64')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/damaged/) } });
    expect(readShareFragment('#share=v1.AAAAAAAAAAAA')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/damaged|incomplete/) } });
    expect(readShareFragment('#share=v9.abc')).toMatchObject({ ok: false });
    expect(readShareFragment(`#share=v1.${'A'.repeat(40_000)}`)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/far longer/) } });
  });

  it('refuse a link that unpacks to gigabytes, without unpacking it all', () => {
    // 8 MB of zeros deflate to about 8 KB: a short link, twice the size a design may unpack to.
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const started = performance.now();
    const result = readShareFragment(`#share=v1.${b64url(bomb)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/unpacks to more than 4 MB/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('check what a link holds like any file', () => {
    const notADesign = deflateSync(new TextEncoder().encode('{"hello":"world"}'));
    const result = readShareFragment(`#share=v1.${b64url(notADesign)}`);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/does not hold a valid design/) } });
  });

  it('refuse a short link whose "on" list repeats one id tens of thousands of times, naming the place', () => {
    const doc = example('order-orchestrated');
    const edge = doc.edges.findIndex((e) => e.on && e.on.length > 0);
    doc.edges[edge]!.on = Array.from({ length: 40_000 }, () => 'ghost');
    const link = `#share=v1.${b64url(deflateSync(new TextEncoder().encode(JSON.stringify(doc)), { level: 9 }))}`;
    expect(link.length).toBeLessThan(4_000);
    const started = performance.now();
    const result = readShareFragment(link);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining(`edges[${edge}].on: too many entries (40,000): at most 1,000`) } });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('open a link whose design starts with a byte order mark', () => {
    const text = `\uFEFF${JSON.stringify(example('order-orchestrated'))}`;
    expect(readShareFragment(`#share=v1.${b64url(deflateSync(new TextEncoder().encode(text)))}`)).toEqual({ ok: true, doc: example('order-orchestrated') });
  });
});
