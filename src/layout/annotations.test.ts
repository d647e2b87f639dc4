import { describe, expect, it } from 'vitest';
import { groupNodes } from '../model/operations.ts';
import { example, nodeNamed } from '../model/testing/builder.ts';
import { DEFAULT_GROUP_COLOUR, FRAME_MARGIN, frameAround, frameLabelBox, frameLabelText, groupColours, noteBox, noteLines, notesFollow, type Box } from './annotations.ts';
import { layoutDesign } from './elk-layout.ts';
import { nodeSize } from './nodeSize.ts';

describe('notes as drawn', () => {
  it('keeps the note’s own line breaks and wraps long lines by words', () => {
    expect(noteLines('Refunds take\nup to three days', 200)).toEqual(['Refunds take', 'up to three days']);
    // 200 px holds 25 characters a line
    expect(noteLines('Payments are captured only when the order ships', 200)).toEqual(['Payments are captured', 'only when the order ships']);
    expect(noteLines('a\n\nb\n\n', 200)).toEqual(['a', '', 'b']);
    expect(noteLines('', 200)).toEqual(['']);
    expect(noteLines('x'.repeat(60), 200)).toEqual(['x'.repeat(25), 'x'.repeat(25), 'x'.repeat(10)]);
  });

  it('is as tall as its lines, never lower than 40 px, and 200 px wide unless it says otherwise', () => {
    expect(noteBox({ text: 'a\nb\nc', position: { x: 5, y: 6 } })).toEqual({ x: 5, y: 6, width: 200, height: 74 });
    expect(noteBox({ text: '', position: { x: 0, y: 0 }, width: 320 })).toEqual({ x: 0, y: 0, width: 320, height: 40 });
  });
});

describe('group frames', () => {
  it('frame their nodes’ boxes with a margin, and nothing when there is nothing to frame', () => {
    expect(frameAround([{ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: 100, width: 140, height: 56 }])).toEqual({
      x: -FRAME_MARGIN,
      y: -FRAME_MARGIN,
      width: 340 + 2 * FRAME_MARGIN,
      height: 156 + 2 * FRAME_MARGIN,
    });
    expect(frameAround([])).toBeUndefined();
  });

  it('put the name on the top edge, cut with an ellipsis when the frame is narrow', () => {
    const frame = { x: 0, y: 100, width: 120, height: 80 };
    const label = frameLabelBox(frame, 'A very long bounded context name');
    expect(label.y + label.height / 2).toBe(100);
    expect(label.x + label.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(frameLabelText('A very long bounded context name', label)).toMatch(/…$/);
    expect(frameLabelText('Payments', frameLabelBox({ ...frame, width: 400 }, 'Payments'))).toBe('Payments');
  });

  it('are drawn in the group’s hex colour, else in slate', () => {
    expect(groupColours('#0D9488').stroke).toBe('#0d9488');
    expect(groupColours('#fff').stroke).toBe('#ffffff');
    expect(groupColours('teal').stroke).toBe(DEFAULT_GROUP_COLOUR);
    expect(groupColours(undefined).stroke).toBe(DEFAULT_GROUP_COLOUR);
    expect(groupColours('"><script>').stroke).toBe(DEFAULT_GROUP_COLOUR);
  });

  it('name a group in a colour that reads on white, even when the group’s colour is light', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const color of ['#ffff00', '#ffffff', '#0d9488', '#64748b', '#d97706', '#e11d48']) {
      expect(1.05 / (luminance(groupColours(color).ink) + 0.05), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('tidy up with notes and groups', () => {
  it('moves each note with its nearest node', () => {
    const before = new Map<string, Box>([
      ['a', { x: 0, y: 0, width: 140, height: 56 }],
      ['b', { x: 600, y: 0, width: 140, height: 56 }],
    ]);
    const after = new Map([
      ['a', { x: 100, y: 300 }],
      ['b', { x: 600, y: 0 }],
    ]);
    const notes = [
      { id: 'near-a', text: 'about a', position: { x: 10, y: -80 } },
      { id: 'near-b', text: 'about b', position: { x: 760, y: 10 } },
    ];
    expect(notesFollow(notes, before, after)).toEqual(new Map([['near-a', { x: 110, y: 220 }]]));
    expect(notesFollow(notes, new Map(), after)).toEqual(new Map());
  });

  it('lays a group’s nodes out together: its frame covers no other node', async () => {
    let doc = example('order-choreographed');
    const ids = (...names: string[]) => names.map((n) => nodeNamed(doc, n).id);
    doc = groupNodes(doc, ids('PaymentService', 'PaymentProcessed', 'PaymentFailed'), 'Payments').doc;
    doc = groupNodes(doc, ids('InventoryService', 'ShippingService', 'OrderService'), 'Fulfilment').doc;
    const positions = await layoutDesign(doc);
    expect([...positions.keys()].sort()).toEqual(doc.nodes.map((n) => n.id).sort());
    const box = (id: string) => ({ ...positions.get(id)!, ...nodeSize(nodeNamed(doc, doc.nodes.find((n) => n.id === id)!.name).name) });
    const frames = doc.groups!.map((g) => ({ g, frame: frameAround(g.nodes.map(box))! }));
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const { g, frame } of frames) {
      const intruders = doc.nodes.filter((n) => !g.nodes.includes(n.id) && overlaps(frame, box(n.id)));
      expect(intruders.map((n) => n.name), g.name).toEqual([]);
    }
    expect(overlaps(frames[0]!.frame, frames[1]!.frame)).toBe(false);
  }, 20_000);
});
