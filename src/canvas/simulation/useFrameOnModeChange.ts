/**
 * Frames the design when simulation mode starts or ends: the dock under the canvas takes (or gives
 * back) its height, and the tools over it change, so the design is framed in the room left above
 * the dock, never under it.
 */
import { useEffect, useRef } from 'react';
import { useFrameDesign } from '../useFrameDesign.ts';

export function useFrameOnModeChange(simulating: boolean): void {
  const frame = useFrameDesign();
  const previous = useRef(simulating);
  useEffect(() => {
    if (previous.current === simulating) return; // not on the first render: the opened design is framed already
    previous.current = simulating;
    // Two frames: the dock and the panels are laid out, then the canvas has its new size.
    let request = requestAnimationFrame(() => {
      request = requestAnimationFrame(() => void frame({ animate: true }));
    });
    return () => cancelAnimationFrame(request);
  }, [simulating, frame]);
}
