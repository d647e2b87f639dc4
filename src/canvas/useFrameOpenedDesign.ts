/** Frames each newly opened design (not each edit) once its nodes have been measured. */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useOpenCount } from '../store/selectors.ts';
import { FIT_DESIGN } from './viewport.ts';

export function useFrameOpenedDesign(): void {
  const openCount = useOpenCount();
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (openCount > 0) void fitView(FIT_DESIGN);
  }, [openCount, fitView]);
}
