/** The lines' classes draw what edgeStroke says, for every family and meaning, selected or not. */
import { describe, expect, it } from 'vitest';
import { edgeStroke, lineClass, lineRules } from './edgeLook.ts';

const rules = lineRules().split('\n');
const ruleOf = (cls: string, selected: boolean) => rules.find((r) => r.includes(`.${cls}{`) && r.includes('.selected') === selected);

describe('lineRules', () => {
  it('writes one rule per family and meaning, and one more for each selected', () => {
    expect(rules).toHaveLength(2 * 5 * 6);
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('gives a dotted event subscription its colour, width and dashes, wider when selected', () => {
    const cls = lineClass('subscribedBy', 'event');
    const stroke = edgeStroke('subscribedBy', 'event');
    expect(ruleOf(cls, false)).toBe(`.sb-connections .react-flow__edge .react-flow__edge-path.sb-edge-line.${cls}{stroke:${stroke.stroke};stroke-width:2.6px;stroke-linecap:round;--sb-dash:0.5 5}`);
    expect(ruleOf(cls, true)).toContain('stroke-width:4.1px');
  });

  it('leaves a solid line without dashes', () => {
    expect(ruleOf(lineClass('sends', 'command'), false)).not.toContain('--sb-dash');
    expect(ruleOf(lineClass('compensatedBy', 'compensation'), false)).toContain('--sb-dash:7 5');
  });
});
