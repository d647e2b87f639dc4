/** Which part of a scrolling list is in view, for lists that render only the rows in view. */
import { useEffect, useState, type RefObject, type UIEvent } from 'react';

export interface ScrolledView {
  top: number;
  height: number;
}

/**
 * The scroll position and height of `box`, kept up to date on scroll (pass `onScroll` to the box)
 * and on resize; measured again when `content` changes (the box may appear only then).
 */
export function useScrolledView(box: RefObject<HTMLElement | null>, initialHeight: number, content?: unknown): { view: ScrolledView; onScroll: (e: UIEvent<HTMLElement>) => void } {
  const [view, setView] = useState<ScrolledView>({ top: 0, height: initialHeight });
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [box, content]);
  const onScroll = (e: UIEvent<HTMLElement>) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight });
  return { view, onScroll };
}
