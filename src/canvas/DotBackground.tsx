/**
 * The canvas' dotted background, drawn once per zoom and moved by the compositor. React Flow's own
 * <Background> moves its SVG pattern by attributes on every frame of a pan, so the browser paints
 * and rasterises the whole background again each frame: panning 1,000 nodes for 3 s on two cores,
 * that was 700 of 2,550 ms of raster work, enough to drop frames (docs/decisions.md). Here the dots
 * fill a layer of their own (`will-change: transform`) one gap larger than the canvas on every
 * side; a pan moves it by the view's offset modulo the gap (the dots repeat, so the layer never
 * runs out), without React, and only a zoom draws the dots again. They sit where React Flow's
 * would: a gap of 22 and dots of 1.6 at zoom 1, scaled with the zoom.
 */
import { useId, useLayoutEffect, useRef } from 'react';
import { useStore, useStoreApi } from '@xyflow/react';

const GAP = 22;
const SIZE = 1.6;
const COLOUR = '#cfd5de';

/** `a` modulo `n`, from 0 up to n, for negative `a` too. */
const wrap = (a: number, n: number): number => ((a % n) + n) % n;

export function DotBackground() {
  const zoom = useStore((s) => s.transform[2]);
  const store = useStoreApi();
  const layer = useRef<HTMLDivElement>(null);
  const pattern = useId();
  const gap = GAP * zoom;
  const radius = (SIZE * zoom) / 2;
  useLayoutEffect(() => {
    const place = ([x, y]: readonly number[]) => {
      layer.current!.style.transform = `translate(${wrap(x!, gap)}px, ${wrap(y!, gap)}px)`;
    };
    place(store.getState().transform);
    return store.subscribe((s, before) => {
      if (s.transform !== before.transform) place(s.transform);
    });
  }, [store, gap]);
  return (
    <div ref={layer} className="sb-dots" style={{ inset: -gap }} aria-hidden="true">
      <svg width="100%" height="100%">
        <pattern id={pattern} width={gap} height={gap} patternUnits="userSpaceOnUse" patternTransform={`translate(${-gap / 2} ${-gap / 2})`}>
          <circle cx={radius} cy={radius} r={radius} fill={COLOUR} />
        </pattern>
        <rect width="100%" height="100%" fill={`url(#${CSS.escape(pattern)})`} />
      </svg>
    </div>
  );
}
