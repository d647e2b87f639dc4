/** The shared harness' tool-neutral page code (peer-bench/bpmn-bench/src/bench-core.js), aliased by vite.peer.config.ts. */
declare module 'peer-bench-core' {
  export interface View {
    x: number;
    y: number;
    zoom: number;
  }
  export interface BenchNode {
    id: string;
    type: string;
    x: number;
    y: number;
    width: number;
    height: number;
  }
  export interface Adapter {
    name: string;
    load(args: { n: number }): Promise<void>;
    setView(view: View): void;
    counts(): { nodes: number; edges: number };
    listNodes(): BenchNode[];
    moveBy(id: string, dx: number, dy: number): void;
    domPos(id: string): { x: number; y: number };
    info(): Record<string, unknown>;
  }
  export function startBench(adapter: Adapter): Promise<void>;
}
