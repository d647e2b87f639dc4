import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NODE_HEIGHT, NODE_MAX_WIDTH, nodeSize } from './nodeSize.ts';
import { nameLines, textHeight, wrapName } from './nameLines.ts';

describe('nodeSize', () => {
  it('keeps the one-line height for names that fit, and grows with the lines of a long name', () => {
    expect(nodeSize('PlaceOrder', 'command').height).toBe(NODE_HEIGHT);
    const long = 'Reserve the credit of the customer before the order is approved by the back office';
    const size = nodeSize(long, 'command');
    expect(size.width).toBe(NODE_MAX_WIDTH);
    const lines = wrapName(long, size.width, 'command').length;
    expect(lines).toBeGreaterThan(2);
    expect(size.height).toBe(textHeight(lines));
    expect(size.height).toBeGreaterThan(NODE_HEIGHT);
  });
});

describe('nameLines', () => {
  it('breaks a word too long for a line between the words of its CamelCase, and cuts only what has none', () => {
    expect(wrapName('ReserveInventoryForOrderCommand', 260, 'service')).toEqual(['ReserveInventoryForOrder', 'Command']);
    expect(wrapName('reserve_inventory_for_every_order', 260, 'service')).toEqual(['reserve_inventory_for_every_', 'order']);
    expect(wrapName('x'.repeat(40), 140, 'service')).toEqual(['x'.repeat(14), 'x'.repeat(14), 'x'.repeat(12)]);
  });

  it('keeps the space a line starts with, so the lines joined are the name', () => {
    const name = 'Reserve the credit of the customer before the order is approved';
    const lines = nameLines(name, 260, 'command');
    expect(lines.join('')).toBe(name);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(wrapName(name, 260, 'command')).toEqual(lines.map((line) => line.trim()));
    expect(nameLines('ReserveInventoryForOrderCommand', 260, 'service').join('')).toBe('ReserveInventoryForOrderCommand');
  });
});

describe('nameLines, for any text a name can hold', () => {
  it('joined, the lines are the name exactly: tabs, runs of spaces, newlines and whitespace around it included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '_', 'é', '😀', 'x'), maxLength: 80 }), fc.integer({ min: 140, max: 260 }), (name, width) => {
        expect(nameLines(name, width, 'service').join('')).toBe(name);
        expect(wrapName(name, width, 'service').every((line) => line === line.trim() && !/\s\s|[\t\n]/.test(line))).toBe(true);
      }),
    );
  });
});
