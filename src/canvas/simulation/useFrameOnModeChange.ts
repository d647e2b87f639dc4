/** Frames the design when simulation mode starts or ends: the dock under the canvas changes its height. */
import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { FIT_DESIGN, viewportAnimationMs } from '../viewport.ts';

export function useFrameOnModeChange(simulating: boolean): void {
  const { fitView } = useReactFlow();
  const previous = useRef(simulating);
  useEffect(() => {
    if (previous.current === simulating) return; // not on the first render: the opened design is framed already
    previous.current = simulating;
    // Two frames: the layout changes, then React Flow measures its new size.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => void fitView({ ...FIT_DESIGN, duration: viewportAnimationMs() }));
    });
    return () => cancelAnimationFrame(frame);
  }, [simulating, fitView]);
}
