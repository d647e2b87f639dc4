/** How the view moves: how a design is framed when it opens, and how long viewport animations take. */

/** Animation length for viewport moves; none for people who asked the system for reduced motion. */
export function viewportAnimationMs(ms = 450): number {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 0 : ms;
}

/** How the whole design is framed when it opens. */
export const FIT_DESIGN = { padding: { top: '48px', right: '40px', bottom: '40px', left: '40px' }, maxZoom: 1 } as const;
