import { describe, expect, it } from 'vitest';
import { example } from '../model/testing/builder.ts';
import { MAX_CANVAS_EDGES, MAX_CANVAS_NODES } from './canvasLimits.ts';
import { readDesignFile, type PickedFile } from './importFile.ts';

const file = (name: string, content: string, type = ''): PickedFile => ({ name, size: new TextEncoder().encode(content).length, type, text: async () => content });
const message = async (f: PickedFile) => {
  const r = await readDesignFile(f);
  return r.ok ? 'opened' : r.error.message;
};

describe('reading a picked or dropped file', () => {
  it('opens a design file as a checked copy', async () => {
    const r = await readDesignFile(file('order.sagaboard.json', JSON.stringify(example('order-orchestrated'))));
    expect(r).toEqual({ ok: true, doc: example('order-orchestrated') });
  });

  it('says what a file is when it is not a design', async () => {
    expect(await message(file('empty.json', ''))).toMatch(/empty/);
    expect(await message(file('photo.png', '\u0089PNG', 'image/png'))).toMatch(/image/);
    expect(await message(file('process.bpmn', '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>'))).toMatch(/BPMN/);
    expect(await message(file('page.html', '<!doctype html><html></html>'))).toMatch(/XML or HTML/);
    expect(await message(file('notes.json', '{"hello": 1}'))).toMatch(/not a Sagaboard design/);
    expect(await message(file('future.json', JSON.stringify({ ...example('order-orchestrated'), version: 99 })))).toMatch(/newer Sagaboard/);
  });

  it('refuses a huge file before reading it', async () => {
    let read = false;
    const huge: PickedFile = { name: 'huge.json', size: 25 * 1024 * 1024, type: 'application/json', text: async () => ((read = true), '') };
    expect(await message(huge)).toMatch(/25\.0 MB/);
    expect(read).toBe(false);
  });

  it('refuses a design too big for the canvas before checking it, and says what to use instead', async () => {
    const nodes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'event', name: `Happened${i}` }));
    const design = (n: number, edges: unknown[] = []) => JSON.stringify({ format: 'sagaboard', version: 1, name: 'Big', nodes: nodes(n), edges });
    expect(await message(file('big.sagaboard.json', design(50_000)))).toBe(
      'this design has 50,000 nodes; the canvas draws designs of up to 2,000 nodes, more would freeze this tab; check or simulate it with the command line instead (npx sagaboard validate big.sagaboard.json)',
    );
    expect(await message(file('edges.sagaboard.json', design(2, Array.from({ length: MAX_CANVAS_EDGES + 1 }, (_, i) => ({ id: `e${i}`, source: 'n0', target: 'n1' })))))).toMatch(
      /4,001 connections; the canvas draws designs of up to 4,000 connections/,
    );
    expect(await message(file('most.sagaboard.json', design(MAX_CANVAS_NODES)))).toBe('opened');
    // Not JSON, or not a design: the loader's own words, as before.
    expect(await message(file('broken.json', '{"nodes": ['))).toMatch(/^not JSON/);
  });
});
