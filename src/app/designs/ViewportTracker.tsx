/** Reports where the canvas view comes to rest, so it is saved with the design. Render inside ReactFlowProvider. */
import { useOnViewportChange } from '@xyflow/react';
import { viewportMoved } from './saving.ts';

export function ViewportTracker(): null {
  useOnViewportChange({ onEnd: viewportMoved });
  return null;
}
