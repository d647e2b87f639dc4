import { describe, expect, it } from 'vitest';
import { centreOf, checkedPerson, checkedPresence, MAX_NAME, PERSON_COLOURS, somePerson } from './presence.ts';

describe('presence from other clients', () => {
  it('keeps what can be drawn and leaves out the rest', () => {
    const peer = checkedPresence(7, {
      user: { name: '  Ana  ', colour: '#E11D48' },
      cursor: { x: 10, y: Number.NaN },
      selection: ['a', 3, 'b'],
      view: { x: 0, y: 0, zoom: 0, width: 100, height: 100 },
      drag: { n1: { x: 1, y: 2 }, n2: 'far away' },
      viewer: 'yes',
      script: '<img onerror=alert(1)>',
    });
    expect(peer).toEqual({ id: 7, user: { name: 'Ana', colour: '#e11d48' }, selection: ['a', 'b'], drag: { n1: { x: 1, y: 2 } } });
  });

  it('ignores someone without a name, and cuts long names and unknown colours down to size', () => {
    expect(checkedPresence(1, { user: { name: ' ' } })).toBeUndefined();
    expect(checkedPresence(1, null)).toBeUndefined();
    const long = checkedPerson({ name: 'x'.repeat(500), colour: 'red; background: url(evil)' })!;
    expect([...long.name]).toHaveLength(MAX_NAME);
    expect(long.colour).toBe(PERSON_COLOURS[0]);
  });

  it('gives newcomers a name and one of the colours', () => {
    const p = somePerson(() => 0.99);
    expect(p.name).toMatch(/^Guest /);
    expect(PERSON_COLOURS).toContain(p.colour);
  });

  it('finds the centre of someone’s view in flow coordinates', () => {
    expect(centreOf({ x: -100, y: 50, zoom: 2, width: 800, height: 600 })).toEqual({ x: 250, y: 125, zoom: 2 });
  });
});
