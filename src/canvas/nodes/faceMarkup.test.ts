// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { faceIcon, faceMarkup, type Face } from './faceMarkup.ts';
import { placePath } from './faceIcons.ts';
import { wrapName } from '../../layout/nameLines.ts';

const face = (over: Partial<Face> = {}): Face => ({ kind: 'service', name: 'PaymentService', x: 100, y: 40, width: 180, height: 56, ...over });

/** The markup as a document, to read it as a browser would. */
function parse(markup: string): Document {
  return new DOMParser().parseFromString(`<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`, 'image/svg+xml');
}

describe('a node face', () => {
  it('draws the outline, icon, caption and name where the HTML node has them, in canvas coordinates', () => {
    const doc = parse(faceMarkup(face()));
    const outline = doc.querySelector('.sb-face__outline')!;
    // A 2 px border inside the box: the stroke's centre line 1 px in.
    expect([outline.getAttribute('x'), outline.getAttribute('y'), outline.getAttribute('width'), outline.getAttribute('height')]).toEqual(['101', '41', '178', '54']);
    expect(outline.getAttribute('stroke')).toBe('#334155');
    const icon = doc.querySelector('.sb-face__icon')!;
    // The service's cube, scaled from its 24 px grid into the 14 px square at (114, 49), drawn in place.
    expect(icon.getAttribute('stroke')).toBe('#334155');
    expect(icon.getAttribute('d')).toBe('M121 50.633 125.958 53.317v5.367L121 61.367l-4.958 -2.683V53.317zM116.217 53.433 121 56l4.783 -2.567M121 56v5.25');
    expect(doc.querySelector('.sb-face__caption')!.textContent).toBe('SERVICE');
    expect([...doc.querySelectorAll('.sb-face__name')].map((t) => t.textContent)).toEqual(['PaymentService']);
  });

  it('carries no transform: every position is absolute', () => {
    for (const kind of ['actor', 'service', 'orchestrator', 'command', 'event'] as const) {
      expect(faceMarkup(face({ kind }))).not.toMatch(/transform/);
    }
  });

  it('escapes the name: markup in a name is text', () => {
    const doc = parse(faceMarkup(face({ name: '<img src=x onerror=alert(1)>&"' })));
    expect(doc.querySelector('img')).toBeNull();
    expect([...doc.querySelectorAll('.sb-face__name')].map((t) => t.textContent).join(' ')).toBe('<img src=x onerror=alert(1)>&"');
  });

  it('wraps a long name in the lines the node is sized for', () => {
    const name = 'Reserve inventory for every line of the order';
    const doc = parse(faceMarkup(face({ name, width: 260, height: 92 })));
    expect([...doc.querySelectorAll('.sb-face__name')].map((t) => t.textContent)).toEqual(wrapName(name, 260, 'service'));
  });

  it('draws each variant as its HTML node: a dashed compensation, a thick end event, a hub, a double-outlined orchestrator', () => {
    expect(parse(faceMarkup(face({ kind: 'command', compensation: true }))).querySelector('.sb-face__outline--dashed')).not.toBeNull();
    expect(parse(faceMarkup(face({ kind: 'event', terminal: true }))).querySelector('.sb-face__outline')!.getAttribute('stroke-width')).toBe('3.5');
    expect(parse(faceMarkup(face({ orchestrator: true }))).querySelector('.sb-face__caption')!.textContent).toBe('SERVICE · HUB');
    expect(parse(faceMarkup(face({ kind: 'orchestrator' }))).querySelector('.sb-face__ring')).not.toBeNull();
    expect([faceIcon('event', { terminal: true, failure: true }), faceIcon('command', { compensation: true }), faceIcon('actor', {})]).toEqual(['failureEnd', 'compensation', 'actor']);
  });
});

describe('an icon placed on a face', () => {
  it('scales absolute commands and moves them; relative ones and arc flags are only scaled or kept', () => {
    expect(placePath('M12 2.8 20.5 7.4v9.2', 0.5, 100, 10)).toBe('M106 11.4 110.25 13.7v4.6');
    expect(placePath('M20 12a8 8 0 1 1-2.34-5.66', 2, 0, 0)).toBe('M40 24a16 16 0 1 1 -4.68 -11.32');
    expect(placePath('M4 21v-.5A6.5 6.5 0 0 1 10.5 14h3', 1, 10, 20)).toBe('M14 41v-0.5A6.5 6.5 0 0 1 20.5 34h3');
  });
});

describe('a face’s problem badge', () => {
  it('is there only with problems, red with any error, amber with warnings only, counting both', () => {
    expect(parse(faceMarkup(face())).querySelector('.sb-face__badge')).toBeNull();
    const red = parse(faceMarkup(face({ errors: 1, warnings: 2 })));
    expect(red.querySelector('.sb-face__badge-count')!.textContent).toBe('3');
    expect(red.querySelector('.sb-face__badge')!.getAttribute('fill')).toBe('#d92d20');
    const amber = parse(faceMarkup(face({ warnings: 1 })));
    expect(amber.querySelector('.sb-face__badge')!.getAttribute('fill')).toBe('#fdb022');
  });

  it('is three elements: the pill, the glyph with its mark cut out, and the count', () => {
    const badge = parse(faceMarkup(face({ warnings: 1 }))).querySelectorAll('.sb-face__badge, .sb-face__badge-mark');
    expect([...badge].map((e) => e.tagName)).toEqual(['rect', 'path', 'text']);
    expect(badge[1]!.getAttribute('fill-rule')).toBe('evenodd');
  });
});
