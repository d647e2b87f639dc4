/**
 * Nodes lit up on the canvas to answer a question — a measure's row in the Trade-offs panel
 * (“who is the single point of failure?”) or a what-if (“what stops while PaymentService is
 * down?”). The rest of the design is dimmed until the highlight is cleared. One highlight at a
 * time; each says what it shows, in a few words, for the canvas's banner.
 */
import { create } from 'zustand';

export type HighlightOrigin = 'measure' | 'schemaChange' | 'down';

export interface Highlight {
  ids: ReadonlySet<string>;
  /** What the highlight shows: “Blast radius: PaymentService is the single point of failure”. */
  label: string;
  origin: HighlightOrigin;
  /** The measure's key, the message's or the participant's id: what asked for it. */
  key: string;
}

interface HighlightState {
  highlight: Highlight | null;
  show(h: Omit<Highlight, 'ids'> & { ids: Iterable<string> }): void;
  /** Clears the highlight; with `origin`, only a highlight of that origin. */
  clear(origin?: HighlightOrigin): void;
}

export const useHighlightStore = create<HighlightState>()((set, get) => ({
  highlight: null,
  show: (h) => set({ highlight: { ...h, ids: new Set(h.ids) } }),
  clear: (origin) => {
    const current = get().highlight;
    if (current && (origin === undefined || current.origin === origin)) set({ highlight: null });
  },
}));

/** Whether node `id` is lit (undefined: nothing is highlighted, nothing is dimmed). */
export const useHighlighted = (id: string): boolean | undefined => useHighlightStore((s) => (s.highlight ? s.highlight.ids.has(id) : undefined));

/** Whether a connection between two nodes is lit: both its ends are. */
export const useConnectionHighlighted = (source: string, target: string): boolean | undefined =>
  useHighlightStore((s) => (s.highlight ? s.highlight.ids.has(source) && s.highlight.ids.has(target) : undefined));
