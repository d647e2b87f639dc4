/** elkjs in a Web Worker: the page stays responsive while a big design is laid out. */
import type { Position, SagaDocument } from '../model/index.ts';
import { layoutDesign, type Direction } from './elk-layout.ts';
import type { Size } from './nodeSize.ts';

export interface LayoutRequest {
  id: number;
  doc: SagaDocument;
  direction: Direction;
  sizes: [string, Size][];
}

export type LayoutReply = { id: number; ok: true; positions: [string, Position][] } | { id: number; ok: false; message: string };

// A listener, not `self.onmessage`: elkjs's bundle takes `onmessage` over when it runs in a worker.
self.addEventListener('message', async (event: MessageEvent<LayoutRequest>) => {
  const { id, doc, direction, sizes } = event.data;
  let reply: LayoutReply;
  try {
    const positions = await layoutDesign(doc, { direction, sizes: new Map(sizes) });
    reply = { id, ok: true, positions: [...positions] };
  } catch (e) {
    reply = { id, ok: false, message: (e as Error).message };
  }
  self.postMessage(reply);
});
