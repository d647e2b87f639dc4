import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_MAX_WIDTH, nodeSize } from './nodeSize.ts';
import { textHeight, wrapName } from './nameLines.ts';

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
