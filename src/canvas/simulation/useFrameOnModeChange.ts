/**
 * Frames the design when simulation mode starts or ends: the dock under the canvas takes (or gives
 * back) its height, and the tools over it change, so the design is framed in the room left above
 * the dock, never under it. The dock's code and styles load on first use, so the canvas may only
 * reach its final size a moment later: until it has settled, every change of its size frames again.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { useFrameDesign } from '../useFrameDesign.ts';

/** How long after the mode changes a change of the canvas's size is still the dock arriving. */
const SETTLING_MS = 2000;

export function useFrameOnModeChange(simulating: boolean): void {
  const frame = useFrameDesign();
  const store = useStoreApi();
  const previous = useRef(simulating);
  useEffect(() => {
    if (previous.current === simulating) return; // not on the first render: the opened design is framed already
    previous.current = simulating;
    const canvas = store.getState().domNode;
    let request = 0;
    const again = (animate: boolean) => {
      cancelAnimationFrame(request);
      // A frame later: the panels are laid out and the canvas has its new size.
      request = requestAnimationFrame(() => void frame({ animate }));
    };
    again(true);
    let size = canvas ? `${canvas.clientWidth}x${canvas.clientHeight}` : '';
    const resized = new ResizeObserver(() => {
      const now = canvas ? `${canvas.clientWidth}x${canvas.clientHeight}` : '';
      if (now !== size) again(false);
      size = now;
    });
    if (canvas) resized.observe(canvas);
    const stop = setTimeout(() => resized.disconnect(), SETTLING_MS);
    return () => {
      cancelAnimationFrame(request);
      clearTimeout(stop);
      resized.disconnect();
    };
  }, [simulating, frame, store]);
}
