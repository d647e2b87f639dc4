/**
 * A tidy up moves every node: the design is framed again when one is applied, undone or redone,
 * so the view shows the design as it now lies (not where it lay before). Other edits keep the view.
 */
import { useEffect } from 'react';
import type { SagaDocument } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useFrameDesign } from '../useFrameDesign.ts';

/** Each end of a tidy up's undo step, to the other end: undo and redo move between the two. */
const ends = new WeakMap<SagaDocument, SagaDocument>();
const listeners = new Set<() => void>();

/** A tidy up changed `before` into `after`, as one undo step. */
export function layoutApplied(before: SagaDocument, after: SagaDocument): void {
  ends.set(before, after);
  ends.set(after, before);
  for (const listener of listeners) listener();
}

/** Frames the design after a tidy up, and after its undo or redo. */
export function useFrameLayoutSteps(): void {
  const frame = useFrameDesign();
  useEffect(() => {
    // After the moved nodes and their replanned connections reach React Flow.
    const again = () => void requestAnimationFrame(() => void frame({ animate: true }));
    listeners.add(again);
    const unsubscribe = useDesignStore.subscribe((state, previous) => {
      if (previous.doc && state.doc && ends.get(previous.doc) === state.doc) again();
    });
    return () => {
      listeners.delete(again);
      unsubscribe();
    };
  }, [frame]);
}
