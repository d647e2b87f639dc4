/**
 * The playhead: where playback is between two trace entries, as a fractional cursor. One
 * animation loop moves it (towards the cursor after a step, forward while playing) and draws
 * whatever registered for frames, so tokens move without a store update per frame.
 */
import { useEffect } from 'react';
import { useSimulationStore } from '../../store/simulationStore.ts';

type FrameListener = (position: number) => void;

export const playhead = {
  position: 0,
  listeners: new Set<FrameListener>(),
};

/** Calls `draw` with the playhead on every frame it moves (and once when registered). */
export function onPlayheadFrame(draw: FrameListener): () => void {
  playhead.listeners.add(draw);
  draw(playhead.position);
  return () => playhead.listeners.delete(draw);
}

/** Runs the loop while simulation mode is on. */
export function usePlayheadLoop(): void {
  useEffect(() => {
    let frame = 0;
    let last = performance.now();
    let drawn = NaN;
    let run = useSimulationStore.getState().run;
    playhead.position = useSimulationStore.getState().cursor;
    const tick = (now: number) => {
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const s = useSimulationStore.getState();
      if (s.run !== run) {
        run = s.run;
        playhead.position = s.cursor;
        drawn = NaN;
      }
      const end = s.run?.result.trace.length ?? 0;
      if (s.playing) {
        playhead.position = Math.min(end, Math.max(playhead.position, s.cursor) + s.speed * dt);
        const reached = Math.floor(playhead.position);
        if (reached !== s.cursor) s.seek(reached);
        if (playhead.position >= end) s.pause();
      } else if (s.cursor < playhead.position - 1 || s.cursor > playhead.position + 3) {
        // Big jumps (back, or a seek) land at once; a step forward glides.
        playhead.position = s.cursor;
      } else {
        const gap = s.cursor - playhead.position;
        playhead.position = Math.abs(gap) < 0.002 ? s.cursor : playhead.position + gap * Math.min(1, dt * 7);
      }
      if (playhead.position !== drawn) {
        drawn = playhead.position;
        for (const draw of playhead.listeners) draw(drawn);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
}
