/** Narrow reads of the design store: each component subscribes to the one value it shows. */
import { useDesignStore } from './designStore.ts';

export const useDesignDoc = () => useDesignStore((s) => s.doc);
export const useDesignName = () => useDesignStore((s) => s.doc?.name);
export const useDesignDescription = () => useDesignStore((s) => s.doc?.description);
export const useDesignSource = () => useDesignStore((s) => s.source);
export const usePendingSource = () => useDesignStore((s) => s.pending);
export const useOpenCount = () => useDesignStore((s) => s.openCount);
export const useLoadProblem = () => useDesignStore((s) => s.loadProblem);
export const useSelection = () => useDesignStore((s) => s.selection);
