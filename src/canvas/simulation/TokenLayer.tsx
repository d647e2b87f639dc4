/**
 * Messages in flight, drawn as tokens on one overlay in flow coordinates. One animation loop
 * (playhead.ts) moves them along the connections they travel — sender to command or event,
 * then on to the consumer — without a React render or store update per frame.
 *
 * Cheap to draw hundreds at once on a big design (bench/playback): the overlay is its own
 * compositing layer beside React Flow's viewport (not inside it), following the viewport's
 * transform, so a frame re-records and re-rasters the tokens and nothing of the diagram; its
 * painted area is fixed (an invisible rectangle under the whole design), so moving tokens never
 * make Chromium work out the page's layers again; and a frame writes only what changed, as
 * numbers, without allocating: a token that moved less than a third of a screen pixel stays.
 */
import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { getNodeDimensions } from '@xyflow/system';
import type { SagaEdge } from '../../model/index.ts';
import { tokensInFlight, type Token } from '../../simulation/playback.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { onPlayheadFrame, playhead, usePlayheadLoop } from './playhead.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Points sampled along a connection: enough for a smooth glide, cheap to interpolate. */
const SAMPLES = 24;
/** A token moves when it has gone this far on screen (px); smaller steps are not drawn. */
const STILL_PX = 0.33;
/** Tokens are drawn at least this big on screen (radius, px), however far out the view is. */
const MIN_RADIUS_PX = 3.5;
/** Their radius in flow pixels, at zoom 1 and closer. */
const RADIUS = 7; // as .sb-token in simulation.css
/** Room around the design for tokens on connections that bulge out of it (flow px). */
const MARGIN = 200;

type Point = { x: number; y: number };

export default function TokenLayer() {
  usePlayheadLoop();
  const run = useSimulationStore((s) => s.run);
  const overlay = useRef<SVGSVGElement>(null);
  const layer = useRef<SVGGElement>(null);
  const area = useRef<SVGRectElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const svg = overlay.current;
    const g = layer.current;
    if (!run || !svg || !g) return;
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
      // Measured, or (out of view, not drawn by React Flow yet) the size it will have.
      const { width, height } = getNodeDimensions(n);
      return { x: x + width / 2, y: y + height / 2 };
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
    /** The zoom of the last frame drawn: moves too small to see at it were left out. */
    let drawnAt = Infinity;

    const draw = (position: number) => {
      tokensInFlight(run.tokens, position, inFlight);
      while (pool.length < inFlight.length) {
        const c = document.createElementNS(SVG_NS, 'circle');
        c.setAttribute('r', String(RADIUS)); // where CSS cannot size circles (simulation.css does)
        g.appendChild(c);
        pool.push(c);
        shown.push({ x: NaN, y: NaN, visible: true, message: '' });
      }
      drawnAt = flow.getState().transform[2];
      const still = STILL_PX / drawnAt;
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

    // The painted area: the whole design and some room around it (see the top of the file).
    const box = area.current;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of flow.getState().nodeLookup.values()) {
      const { x, y } = n.internals.positionAbsolute;
      const { width, height } = getNodeDimensions(n);
      [x0, y0] = [Math.min(x0, x), Math.min(y0, y)];
      [x1, y1] = [Math.max(x1, x + width), Math.max(y1, y + height)];
    }
    if (box && x0 <= x1) {
      box.x.baseVal.value = x0 - MARGIN;
      box.y.baseVal.value = y0 - MARGIN;
      box.width.baseVal.value = x1 - x0 + 2 * MARGIN;
      box.height.baseVal.value = y1 - y0 + 2 * MARGIN;
    }

    // Follow the viewport as React Flow's own does; zoomed in, draw every token exactly again.
    let transform: readonly number[] | undefined;
    let scale = NaN;
    const follow = () => {
      const t = flow.getState().transform;
      if (t === transform) return;
      transform = t;
      const [x, y, zoom] = t;
      svg.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`;
      // Far out, tokens keep a size you can see (in steps, so a zoom does not restyle them at every frame).
      const grow = Math.max(1, Math.round((MIN_RADIUS_PX / (RADIUS * zoom)) * 10) / 10);
      if (grow !== scale) svg.style.setProperty('--sb-token-scale', String((scale = grow)));
      if (zoom > drawnAt * 1.05) {
        for (const s of shown) s.x = NaN;
        draw(playhead.position);
      }
    };
    follow();
    const unfollow = flow.subscribe(follow);
    const stop = onPlayheadFrame(draw);
    return () => {
      unfollow();
      stop();
      for (const c of pool) c.remove();
    };
  }, [run, flow]);

  return (
    <svg ref={overlay} className="sb-tokens" aria-hidden="true">
      <rect ref={area} className="sb-tokens__area" />
      <g ref={layer} data-testid="tokens" />
    </svg>
  );
}
