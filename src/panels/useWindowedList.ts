/**
 * A long list that renders only the rows in view (and a few around them) inside the panel that
 * scrolls it. Rows may differ in height: each rendered row is watched by a ResizeObserver, and rows
 * never rendered count as `estimate`. The rows not rendered are stood in for by padding above and
 * below, so the scroll bar keeps the length of the whole list.
 *
 * Nothing here makes the browser work out styles or layout early: the heights come from the
 * observer (told after the browser laid the page out for a frame), and the scroller is found by an
 * attribute, not by its computed style. Reading either while React commits a big design made the
 * browser lay out the whole page twice more (1,000 nodes: about 100 ms of opening).
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Rows rendered beyond each edge of the view, so that scrolling and Tab find them ready. */
const OVERSCAN = 6;

export interface Windowed {
  /** The rows to render: `first` up to, not including, `last`. */
  first: number;
  last: number;
  /** Padding that stands in for the rows before `first` and after `last`. */
  before: number;
  after: number;
  /** Give to each rendered row (an element with `data-index`) as its ref: its height is watched. */
  measure: (row: HTMLElement | null) => (() => void) | undefined;
  /** Scrolls row `index` into view (it renders, then can take the focus). */
  reveal: (index: number) => void;
}

/** The nearest ancestor marked as the one that scrolls (`data-scroller`: the sidebar), else the page. */
function scrollerOf(el: HTMLElement): HTMLElement {
  return el.parentElement?.closest<HTMLElement>('[data-scroller]') ?? (document.scrollingElement as HTMLElement);
}

interface Range {
  first: number;
  last: number;
  before: number;
  after: number;
}

/** Where each row starts in the list, and where the list ends: measured heights, else the estimate. */
function offsets(heights: readonly number[], count: number, estimate: number): number[] {
  const at = new Array<number>(count + 1);
  at[0] = 0;
  for (let i = 0; i < count; i++) at[i + 1] = at[i]! + (heights[i] ?? estimate);
  return at;
}

/** The rows of `list` in view of its scroller, with OVERSCAN more each side. */
function rangeInView(list: HTMLElement, heights: readonly number[], count: number, estimate: number): Range {
  const scroller = scrollerOf(list);
  const top = scroller.getBoundingClientRect().top - list.getBoundingClientRect().top;
  const bottom = top + scroller.clientHeight;
  const at = offsets(heights, count, estimate);
  let first = 0;
  while (first < count && at[first + 1]! < top) first++;
  let last = first;
  while (last < count && at[last]! < bottom) last++;
  first = Math.max(0, first - OVERSCAN);
  last = Math.min(count, last + OVERSCAN);
  return { first, last, before: at[first]!, after: at[count]! - at[last]! };
}

/** Takes the new heights of rows (elements with `data-index`); whether any changed. */
function rowsResized(entries: readonly ResizeObserverEntry[], heights: number[]): boolean {
  let changed = false;
  for (const entry of entries) {
    const index = Number((entry.target as HTMLElement).dataset.index);
    const height = entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;
    if (Number.isInteger(index) && height > 0 && heights[index] !== height) {
      heights[index] = height;
      changed = true;
    }
  }
  return changed;
}

const sameRange = (a: Range, b: Range) => a.first === b.first && a.last === b.last && a.before === b.before && a.after === b.after;

export function useWindowedList(list: RefObject<HTMLElement | null>, count: number, estimate: number): Windowed {
  const heights = useRef<number[]>([]);
  const initial = Math.min(count, OVERSCAN * 3);
  const [range, setRange] = useState<Range>({ first: 0, last: initial, before: 0, after: (count - initial) * estimate });
  /** Measures the view again at the next frame (set while the list is on screen). */
  const schedule = useRef<() => void>(() => {});
  /** Watches the rendered rows' heights (made with the first row). */
  const rows = useRef<ResizeObserver | null>(null);
  useEffect(
    () => () => {
      rows.current?.disconnect();
      rows.current = null;
    },
    [],
  );

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      const next = rangeInView(el, heights.current, count, estimate);
      setRange((r) => (sameRange(r, next) ? r : next));
    };
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    schedule.current = later;
    const scroller = scrollerOf(el);
    const target = scroller === document.scrollingElement ? window : scroller;
    target.addEventListener('scroll', later, { passive: true });
    const observer = new ResizeObserver(later);
    observer.observe(scroller);
    later();
    return () => {
      schedule.current = () => {};
      target.removeEventListener('scroll', later);
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [list, count, estimate]);

  // The same function on every render, so memoised rows are not drawn again for a new ref.
  const measure = useCallback((row: HTMLElement | null) => {
    if (!row || typeof ResizeObserver === 'undefined') return undefined;
    rows.current ??= new ResizeObserver((entries) => {
      if (rowsResized(entries, heights.current)) schedule.current();
    });
    const observer = rows.current;
    observer.observe(row);
    return () => observer.unobserve(row);
  }, []);

  const reveal = (index: number) => {
    const el = list.current;
    if (!el) return;
    const scroller = scrollerOf(el);
    const at = offsets(heights.current, count, estimate);
    const rowTop = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + at[index]!;
    const rowBottom = rowTop + at[index + 1]! - at[index]!;
    if (rowTop < 0) scroller.scrollTop += rowTop;
    else if (rowBottom > scroller.clientHeight) scroller.scrollTop += rowBottom - scroller.clientHeight;
    setRange(rangeInView(el, heights.current, count, estimate));
  };

  return { first: Math.min(range.first, count), last: Math.min(range.last, count), before: range.before, after: range.after, measure, reveal };
}
