/** Closing a popover on a click elsewhere: the design list, the export menu. */
import { useEffect, type RefObject } from 'react';

/** Calls `onOutside` when a pointer goes down outside both the panel and the button that opens it, while `active`. */
export function useClickOutside(panel: RefObject<HTMLElement | null>, trigger: RefObject<HTMLElement | null>, onOutside: () => void, active = true): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !trigger.current?.contains(target)) onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [panel, trigger, onOutside, active]);
}
