/**
 * Presence on a live board's canvas, drawn over the diagram: the others' pointers (with their
 * names), a ring in their colour round what they selected, and an outline where a node they are
 * dragging is now (their move reaches the design once, at the drop). It also sends this person's
 * own pointer, selection, view and drags (store/liveStore.ts `publish`), and moves the view along
 * with the person being followed until this person moves it themselves.
 */
import { memo, useEffect, type CSSProperties } from 'react';
import { useReactFlow, useStore, useStoreApi, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { getNodeDimensions } from '@xyflow/system';
import { useShallow } from 'zustand/react/shallow';
import { centreOf, type Peer, type Point } from '../../collab/presence.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { follow, useLiveStore } from '../../store/liveStore.ts';
import type { CanvasNode, FlowEdge } from '../adapter.ts';
import './presence.css';

/** Pointer, view and drag updates go out at most this often (ms): smooth enough, few messages. */
const SEND_EVERY_MS = 50;

/**
 * At most this many selected or dragged ids go out: the server closes the connection of a presence
 * message over 16 KB (server/limits.ts), and 2,000 rings would say no more than 150.
 */
const MAX_SENT_IDS = 150;

/** Calls `send` with the latest value at most every SEND_EVERY_MS; `flush` sends what waits. */
function throttled<T>(send: (value: T) => void): { push(value: T): void; flush(): void; cancel(): void } {
  let waiting: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!waiting) return;
    const { value } = waiting;
    waiting = undefined;
    send(value);
  };
  return {
    push: (value) => {
      waiting = { value };
      timer ??= setTimeout(flush, SEND_EVERY_MS);
    },
    flush: () => {
      clearTimeout(timer);
      flush();
    },
    cancel: () => {
      clearTimeout(timer);
      timer = undefined;
      waiting = undefined;
    },
  };
}

type Box = { x: number; y: number; width: number; height: number };

/** The boxes of nodes as drawn, for the ids asked, as one comparable string (re-render only when one moves). */
const boxesOf =
  (ids: readonly string[]) =>
  (s: ReactFlowState): string => {
    const boxes: Record<string, Box> = {};
    for (const id of ids) {
      const n = s.nodeLookup.get(id);
      if (!n) continue;
      // Measured, or (out of view, not drawn by React Flow yet) the size it will have.
      const { width, height } = getNodeDimensions(n);
      if (width && height) boxes[id] = { x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width, height };
    }
    return JSON.stringify(boxes);
  };

export function PresenceLayer() {
  usePublishing();
  useFollowing();
  const peers = useLiveStore((s) => s.peers);
  const zoom = useStore((s) => s.transform[2]);
  const wanted = [...new Set(peers.flatMap((p) => [...(p.selection ?? []), ...Object.keys(p.drag ?? {})]))];
  const boxes = JSON.parse(useStore(boxesOf(wanted))) as Record<string, Box>;
  // What the dragged nodes are called, for their outlines.
  const draggedNames = useDesignStore(
    useShallow((s) => {
      const dragged = new Set(peers.flatMap((p) => Object.keys(p.drag ?? {})));
      return (s.doc?.nodes ?? []).filter((n) => dragged.has(n.id)).map((n) => `${n.id}\u0000${n.name}`);
    }),
  );
  const names = new Map(draggedNames.map((entry) => entry.split('\u0000') as [string, string]));
  return (
    <ViewportPortal>
      <div className="sb-presence" aria-hidden="true" data-testid="presence">
        {peers.map((peer) => (
          <PeerMarks key={peer.id} peer={peer} boxes={boxes} names={names} zoom={zoom} />
        ))}
      </div>
    </ViewportPortal>
  );
}

const PeerMarks = memo(function PeerMarks({ peer, boxes, names, zoom }: { peer: Peer; boxes: Record<string, Box>; names: ReadonlyMap<string, string>; zoom: number }) {
  const colour = { '--sb-peer': peer.user.colour, '--sb-unzoom': 1 / zoom } as CSSProperties;
  const dragged = new Set(Object.keys(peer.drag ?? {}));
  return (
    <>
      {(peer.selection ?? []).map((id) => {
        const box = boxes[id];
        if (!box || dragged.has(id)) return null;
        return (
          <div key={`s-${id}`} className="sb-presence__ring" style={{ ...colour, transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }} data-testid="peer-selection" data-node={id} data-peer={peer.user.name}>
            <span className="sb-presence__tag">{peer.user.name}</span>
          </div>
        );
      })}
      {Object.entries(peer.drag ?? {}).map(([id, at]) => {
        const box = boxes[id];
        if (!box) return null;
        return (
          <div key={`d-${id}`} className="sb-presence__ghost" style={{ ...colour, transform: `translate(${at.x}px, ${at.y}px)`, width: box.width, height: box.height }} data-testid="peer-drag">
            <span className="sb-presence__ghost-name">{names.get(id)}</span>
          </div>
        );
      })}
      {peer.cursor && <Cursor at={peer.cursor} name={peer.user.name} style={colour} />}
    </>
  );
});

function Cursor({ at, name, style }: { at: Point; name: string; style: CSSProperties }) {
  return (
    <div className="sb-presence__cursor" style={{ ...style, transform: `translate(${at.x}px, ${at.y}px)` }} data-testid="peer-cursor" data-peer={name}>
      <div className="sb-presence__cursor-body">
        <svg width="18" height="20" viewBox="0 0 18 20">
          <path d="M2 1.5 16 9.2l-6.3 1.6-3.1 6.6z" fill="var(--sb-peer)" stroke="#fff" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        <span className="sb-presence__name">{name}</span>
      </div>
    </div>
  );
}

/** Sends this person's pointer, selection, view and drags while the board is open. */
function usePublishing(): void {
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const flowStore = useStoreApi<CanvasNode, FlowEdge>();
  useEffect(() => {
    const publish = (presence: Parameters<ReturnType<typeof useLiveStore.getState>['publish']>[0]) => useLiveStore.getState().publish(presence);
    const pane = flowStore.getState().domNode;
    const cursor = throttled<Point | undefined>((at) => publish({ cursor: at }));
    const onMove = (e: PointerEvent) => cursor.push(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    const onLeave = () => {
      cursor.cancel();
      publish({ cursor: undefined });
    };
    pane?.addEventListener('pointermove', onMove);
    pane?.addEventListener('pointerleave', onLeave);

    const view = throttled<void>(() => {
      const { transform, width, height } = flowStore.getState();
      publish({ view: { x: transform[0], y: transform[1], zoom: transform[2], width, height } });
    });
    view.push();
    const drag = throttled<Record<string, Point> | undefined>((moving) => publish({ drag: moving }));
    let dragging = false;
    const stopFlow = flowStore.subscribe((state, previous) => {
      if (state.transform !== previous.transform || state.width !== previous.width || state.height !== previous.height) view.push();
      if (state.nodes === previous.nodes) return;
      const moving: Record<string, Point> = {};
      for (const n of state.nodes) if (n.dragging && Object.keys(moving).length < MAX_SENT_IDS) moving[n.id] = n.position;
      const any = Object.keys(moving).length > 0;
      if (any) drag.push(moving);
      else if (dragging) {
        // The drop: the move is now in the design; the outline goes.
        drag.cancel();
        publish({ drag: undefined });
      }
      dragging = any;
    });

    publish({ selection: useDesignStore.getState().selection.nodes.slice(0, MAX_SENT_IDS) });
    const stopSelection = useDesignStore.subscribe((state, previous) => {
      if (state.selection.nodes !== previous.selection.nodes) publish({ selection: state.selection.nodes.slice(0, MAX_SENT_IDS) });
    });
    return () => {
      pane?.removeEventListener('pointermove', onMove);
      pane?.removeEventListener('pointerleave', onLeave);
      cursor.cancel();
      view.cancel();
      drag.cancel();
      stopFlow();
      stopSelection();
    };
  }, [flow, flowStore]);
}

/** Keeps the view where the followed person's is; this person's own pan or zoom stops following. */
function useFollowing(): void {
  const flow = useReactFlow<CanvasNode, FlowEdge>();
  const flowStore = useStoreApi<CanvasNode, FlowEdge>();
  const view = useLiveStore((s) => s.peers.find((p) => p.id === s.following)?.view);
  const following = useLiveStore((s) => s.following);
  const gone = useLiveStore((s) => s.following !== null && !s.peers.some((p) => p.id === s.following));
  useEffect(() => {
    if (gone) follow(null);
  }, [gone]);
  useEffect(() => {
    if (following === null || !view) return;
    const { width, height } = flowStore.getState();
    const { x, y, zoom } = centreOf(view);
    void flow.setViewport({ x: width / 2 - x * zoom, y: height / 2 - y * zoom, zoom }, { duration: 120 });
  }, [flow, flowStore, following, view]);
  useEffect(() => {
    if (following === null) return;
    const pane = flowStore.getState().domNode;
    const stop = () => follow(null);
    // Only what this person does (the view set while following moves the viewport too). Captured:
    // the canvas's zoom behaviour stops these events on their way up.
    pane?.addEventListener('wheel', stop, { passive: true, capture: true });
    pane?.addEventListener('pointerdown', stop, { capture: true });
    return () => {
      pane?.removeEventListener('wheel', stop, { capture: true });
      pane?.removeEventListener('pointerdown', stop, { capture: true });
    };
  }, [flowStore, following]);
}
