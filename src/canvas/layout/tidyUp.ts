/**
 * Tidy up: lays the whole design out with elkjs (off the main thread), with the node sizes as
 * drawn, and applies the result as one undo step; then frames it (layoutSteps.ts).
 *
 * The new positions reach the canvas a slice at a time, one slice a frame, in reading order of
 * the layout: redrawing hundreds of moved nodes and their connections in one commit would block
 * the page for longer than a frame (bench/layout measures the longest task).
 */
import { useSyncExternalStore } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import { notesFollow, type Box } from '../../layout/annotations.ts';
import type { Direction } from '../../layout/elk-layout.ts';
import { layoutInWorker } from '../../layout/layoutInWorker.ts';
import type { Size } from '../../layout/nodeSize.ts';
import type { Position } from '../../model/index.ts';
import { tidyUp as tidyUpAction } from '../../actions/design.ts';
import { perform } from '../../actions/action.ts';
import { lastStep, useDesignStore } from '../../store/designStore.ts';
import { drawnSize, isDesignNode, type CanvasNode, type FlowEdge } from '../adapter.ts';
import { layoutApplied } from './layoutSteps.ts';

/**
 * Nodes moved per frame. Measured with bench/layout on a 500-node design: each commit cost about
 * 120 ms plus 1.2 ms a node, so 20 a frame gave a longest task of 140 ms, 40 gave 159 ms and 100
 * gave 247 ms (one commit of all 500: 640 ms). Since a moved face only changes its group's
 * transform and React Flow mounts only the nodes in view, a commit costs far less: 40 a frame gave
 * 60–125 ms, 20 a frame 0–136 ms (median 60; one run of five had no task over 50 ms).
 */
export const NODES_PER_FRAME = 20;

let running = false;
const listeners = new Set<() => void>();
function setRunning(value: boolean): void {
  running = value;
  for (const listener of listeners) listener();
}

/** True while a tidy up runs (the button shows it and refuses a second one). */
export function useTidying(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => running,
  );
}

/** The positions in slices of `size`, in reading order of the layout (along `direction` first). */
export function slicesOf(positions: ReadonlyMap<string, Position>, direction: Direction, size = NODES_PER_FRAME): Map<string, Position>[] {
  const main = direction === 'RIGHT' ? 'x' : 'y';
  const cross = direction === 'RIGHT' ? 'y' : 'x';
  const ordered = [...positions].sort(([, a], [, b]) => a[main] - b[main] || a[cross] - b[cross]);
  const slices: Map<string, Position>[] = [];
  for (let i = 0; i < ordered.length; i += size) slices.push(new Map(ordered.slice(i, i + size)));
  return slices;
}

/** After the next frame is painted. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Moves the nodes a slice a frame, as one undo step: the first slice makes the step, the next ones
 * continue it (squash) while it is still the last one. Stops if another design opens.
 */
async function applySlices(slices: readonly Map<string, Position>[], direction: Direction, openCount: number): Promise<void> {
  let step: unknown;
  for (const [i, slice] of slices.entries()) {
    if (i > 0) await nextFrame();
    const store = useDesignStore.getState();
    if (store.openCount !== openCount || store.doc === null) return;
    if (i === 0) {
      perform(tidyUpAction, { positions: slice, direction });
      step = lastStep();
    } else store.continueStep(step, () => perform(tidyUpAction, { positions: slice, direction }));
  }
}

/** Lays out the design on screen; a second request while one runs is ignored. */
export async function tidyUp(flow: ReactFlowInstance<CanvasNode, FlowEdge>, direction: Direction): Promise<void> {
  const { doc, showHint } = useDesignStore.getState();
  if (!doc || doc.nodes.length === 0 || running) return;
  setRunning(true);
  try {
    const sizes = new Map<string, Size>();
    const before = new Map<string, Box>();
    for (const n of flow.getNodes()) {
      if (!isDesignNode(n)) continue;
      // As drawn: measured, or (not drawn yet, out of view) the size it will have.
      const size = drawnSize(n);
      sizes.set(n.id, size);
      before.set(n.id, { ...n.position, ...size });
    }
    const positions = await layoutInWorker(doc, direction, sizes);
    // Notes move with their nearest node, in the last slice (spec §1.2a; group frames follow their nodes by themselves).
    const notes = notesFollow(doc.notes ?? [], before, positions);
    // Edits made while the layout ran are kept: only positions change, of nodes that still exist.
    const slices = slicesOf(positions, direction);
    if (notes.size > 0) slices.push(notes);
    const { doc: laidFrom, openCount } = useDesignStore.getState();
    await applySlices(slices, direction, openCount);
    const after = useDesignStore.getState();
    // Framed where it now lies (layoutSteps.ts), as after its undo and redo; not if another design opened meanwhile.
    if (laidFrom && after.doc && after.doc !== laidFrom && after.openCount === openCount) layoutApplied(laidFrom, after.doc);
  } catch (e) {
    showHint(`Tidy up failed: ${(e as Error).message}. The design is unchanged.`);
  } finally {
    setRunning(false);
  }
}
