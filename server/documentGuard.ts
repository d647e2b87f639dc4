/**
 * Checks every change a client sends before the room applies it: that it is a well-formed Yjs
 * update, and that the room stays within its caps (document size, nodes, connections). Presence
 * messages are capped in size. A view-only connection's changes never get here applied: Hocuspocus
 * refuses them (`connection.readOnly`, see MessageReceiver in @hocuspocus/server).
 */
import type { Document, Extension, beforeHandleMessagePayload } from '@hocuspocus/server';
import { MessageType } from '@hocuspocus/server';
import * as Y from 'yjs';
import { collectionRoot } from '../src/collab/sharedDesign.ts';
import type { ServerLimits } from './limits.ts';
import { readEnvelope, Refusal, type Envelope } from './messages.ts';

export function documentGuard(limits: ServerLimits): Extension {
  /** An upper bound of each loaded room's encoded size, measured again when it nears the cap. */
  const sizes = new WeakMap<Document, number>();
  return {
    extensionName: 'SagaboardDocumentGuard',
    async beforeHandleMessage({ update: message, document, connection }: beforeHandleMessagePayload) {
      let envelope: Envelope;
      try {
        envelope = readEnvelope(message);
      } catch {
        throw new Refusal('malformed-message');
      }
      if (envelope.type === MessageType.Awareness && message.byteLength > limits.maxAwarenessBytes) throw new Refusal('presence-too-large');
      const { update } = envelope;
      if (!update || connection.readOnly) return;
      let items: number;
      try {
        items = Y.decodeUpdate(update).structs.filter((s) => s instanceof Y.Item).length;
      } catch {
        throw new Refusal('malformed-message');
      }
      checkRecords(document, update, items, limits);
      sizes.set(document, checkedSize(document, update, sizes.get(document), limits));
    },
  };
}

const recordCounts = (ydoc: Y.Doc) => ({
  records: collectionRoot(ydoc, 'nodes').size + collectionRoot(ydoc, 'notes').size + collectionRoot(ydoc, 'groups').size,
  edges: collectionRoot(ydoc, 'edges').size,
});

/**
 * Refuses an update that would take the room over its record caps. Each new record needs at least
 * one new item, so when the room has room for as many records as the update has items, it passes
 * without more ado; otherwise it is tried on a copy of the room. A room already over a cap (written
 * through another instance) may still change, as long as it does not grow.
 */
function checkRecords(document: Document, update: Uint8Array, items: number, limits: ServerLimits): void {
  const now = recordCounts(document);
  if (now.records + items <= limits.maxRecords && now.edges + items <= limits.maxEdges) return;
  const probe = new Y.Doc();
  let after: ReturnType<typeof recordCounts>;
  try {
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
    Y.applyUpdate(probe, update);
    after = recordCounts(probe);
  } catch {
    throw new Refusal('malformed-message');
  } finally {
    probe.destroy();
  }
  if (after.records > limits.maxRecords && after.records > now.records) throw new Refusal('too-many-nodes');
  if (after.edges > limits.maxEdges && after.edges > now.edges) throw new Refusal('too-many-connections');
}

/** The room's size bound once the update is in, or a refusal when it would pass the cap. */
function checkedSize(document: Document, update: Uint8Array, known: number | undefined, limits: ServerLimits): number {
  const bound = known ?? Y.encodeStateAsUpdate(document).byteLength;
  if (bound + update.byteLength <= limits.maxDocumentBytes) return bound + update.byteLength;
  // Near the cap: measure, and count only what the room does not have yet.
  const size = Y.encodeStateAsUpdate(document).byteLength;
  const added = Y.diffUpdate(update, Y.encodeStateVector(document)).byteLength;
  if (size + added > limits.maxDocumentBytes) throw new Refusal('document-too-large');
  return size + added;
}
