/**
 * Messages in flight, drawn as tokens on one overlay in flow coordinates. One animation loop
 * (playhead.ts) moves them along the connections they travel — sender to command or event,
 * then on to the consumer — without a React render or store update per frame.
 */
import { useEffect, useRef } from 'react';
import { ViewportPortal, useStoreApi } from '@xyflow/react';
import type { SagaEdge } from '../../model/index.ts';
import { tokensInFlight, type Token } from '../../simulation/playback.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { onPlayheadFrame, usePlayheadLoop } from './playhead.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Points sampled along a connection: enough for a smooth glide, cheap to interpolate. */
const SAMPLES = 24;

type Point = { x: number; y: number };

export default function TokenLayer() {
  usePlayheadLoop();
  const run = useSimulationStore((s) => s.run);
  const layer = useRef<SVGGElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const g = layer.current;
    if (!run || !g) return;
    const pool: SVGCircleElement[] = [];
    const inFlight: { token: Token; progress: number }[] = [];
    /** Sampled connections by edge id; the canvas is read-only while simulating, so they stay valid. */
    const routes = new Map<string, Point[]>();
    /** When a connection was last looked for and not found (not rendered: off screen), to look again later, not every frame. */
    const missing = new Map<string, number>();

    const centre = (id: string): Point | undefined => {
      const n = flow.getState().nodeLookup.get(id);
      if (!n) return undefined;
      const { x, y } = n.internals.positionAbsolute;
      return { x: x + (n.measured.width ?? 0) / 2, y: y + (n.measured.height ?? 0) / 2 };
    };
    const sampled = (edge: SagaEdge): Point[] | undefined => {
      const cached = routes.get(edge.id);
      if (cached) return cached;
      const now = performance.now();
      if (now - (missing.get(edge.id) ?? -Infinity) < 500) return undefined;
      const path = g.ownerDocument.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(edge.id)}"] .react-flow__edge-path`);
      if (!path) {
        missing.set(edge.id, now);
        return undefined;
      }
      const length = path.getTotalLength();
      const points = Array.from({ length: SAMPLES + 1 }, (_, i) => {
        const p = path.getPointAtLength((length * i) / SAMPLES);
        return { x: p.x, y: p.y };
      });
      routes.set(edge.id, points);
      return points;
    };
    /** Points along a connection as drawn, or a straight line between the nodes when it is not rendered. */
    const route = (edge: SagaEdge | undefined, from: string, to: string): Point[] => {
      const points = edge && sampled(edge);
      if (points) return points;
      const a = centre(from);
      const b = centre(to);
      return a && b ? [a, b] : [];
    };
    /** What each pooled circle shows now, so a frame writes only what changed. */
    const shown: { x: number; y: number; visible: boolean; message: string }[] = [];
    let count = -1;

    const draw = (position: number) => {
      tokensInFlight(run.tokens, position, inFlight);
      while (pool.length < inFlight.length) {
        const c = document.createElementNS(SVG_NS, 'circle');
        c.setAttribute('r', '7');
        g.appendChild(c);
        pool.push(c);
        shown.push({ x: NaN, y: NaN, visible: true, message: '' });
      }
      // A move smaller than a third of a screen pixel is not drawn: most tokens of a long run crawl.
      const still = 0.33 / flow.getState().transform[2];
      for (let i = 0; i < inFlight.length; i++) {
        const { token, progress } = inFlight[i]!;
        const c = pool[i]!;
        const was = shown[i]!;
        const [send, deliver] = token.edges;
        const twoLegs = token.to !== undefined;
        const first = !twoLegs || progress < 0.5;
        const f = twoLegs ? (first ? progress * 2 : progress * 2 - 1) : progress;
        const points = first ? route(send, token.from, token.messageNode) : route(deliver, token.messageNode, token.to!);
        if (points.length === 0) {
          if (was.visible) c.style.display = 'none';
          was.visible = false;
          continue;
        }
        // Along the sampled points, without allocating.
        const at = Math.min(points.length - 1, Math.max(0, f * (points.length - 1)));
        const k = Math.floor(at);
        const a = points[k]!;
        const b = points[Math.min(points.length - 1, k + 1)]!;
        const x = a.x + (b.x - a.x) * (at - k);
        const y = a.y + (b.y - a.y) * (at - k);
        if (!was.visible) c.style.display = '';
        was.visible = true;
        if (was.message !== token.messageNode) {
          c.dataset.message = token.messageNode;
          c.setAttribute('class', `sb-token sb-token--${token.kind}`);
          was.message = token.messageNode;
        }
        if (!(Math.abs(x - was.x) < still && Math.abs(y - was.y) < still)) {
          // Numbers straight into the attributes: no string to build and parse.
          c.cx.baseVal.value = x;
          c.cy.baseVal.value = y;
          was.x = x;
          was.y = y;
        }
      }
      for (let i = inFlight.length; i < pool.length; i++) {
        if (shown[i]!.visible) pool[i]!.style.display = 'none';
        shown[i]!.visible = false;
      }
      if (inFlight.length !== count) g.dataset.inFlight = String((count = inFlight.length));
    };
    const stop = onPlayheadFrame(draw);
    return () => {
      stop();
      for (const c of pool) c.remove();
    };
  }, [run, flow]);

  return (
    <ViewportPortal>
      <svg className="sb-tokens" aria-hidden="true">
        <g ref={layer} data-testid="tokens" />
      </svg>
    </ViewportPortal>
  );
}
