/** Arrowheads, one per colour family, defined once for every edge and the legend; and the lines' classes (edgeLook.ts lineRules). */
import { memo, useInsertionEffect } from 'react';
import { FAMILY_COLOUR, lineRules, markerId } from './edgeLook.ts';
import type { EdgeFamily } from '../adapter.ts';

const FAMILIES = Object.keys(FAMILY_COLOUR) as EdgeFamily[];

let linesStyled = false;

/**
 * The lines' classes (edgeLook.ts lineRules), added to the page once, through the CSSOM: the
 * page's Content-Security-Policy lets no <style> element apply (vite.config.ts).
 */
function styleLines(): void {
  if (linesStyled || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  linesStyled = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(lineRules());
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

// memo: the canvas re-renders on every frame of a node drag (its nodes are React state); this need not.
export const EdgeMarkers = memo(function EdgeMarkers() {
  useInsertionEffect(styleLines, []);
  return (
    <svg className="sb-markers" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {FAMILIES.map((family) => (
          <marker
            key={family}
            id={markerId(family)}
            viewBox="0 0 12 12"
            refX="11"
            refY="6"
            markerWidth="12"
            markerHeight="12"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M1 1.5 11 6 1 10.5 3.2 6z" fill={FAMILY_COLOUR[family]} stroke={FAMILY_COLOUR[family]} strokeWidth="1" strokeLinejoin="round" />
          </marker>
        ))}
      </defs>
    </svg>
  );
});
