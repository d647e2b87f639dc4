/**
 * What one room, one connection and one address may use of a server. The record caps are the
 * canvas's own (src/persistence/canvasLimits.ts): a room never holds a design its people could not
 * draw.
 */
import { MAX_CANVAS_EDGES, MAX_CANVAS_NODES } from '../src/persistence/canvasLimits.ts';

export interface ServerLimits {
  /** Encoded size of one room's shared document, in bytes. */
  maxDocumentBytes: number;
  /** Nodes, notes and groups of one room together (the canvas draws each as a node). */
  maxRecords: number;
  /** Connections of one room. */
  maxEdges: number;
  /** One presence (awareness) message: a name, a colour, a cursor and a selection. */
  maxAwarenessBytes: number;
  /** Messages one WebSocket may send, sustained and in a burst; beyond, it is closed. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes one WebSocket may send, sustained and in a burst (a whole design when a room opens). */
  bytesPerSecond: number;
  byteBurst: number;
  /** Connections one address may open a minute (@hocuspocus/extension-throttle); beyond, it waits a minute. */
  connectionsPerMinute: number;
  /** Rooms one WebSocket may name. */
  roomsPerSocket: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ServerLimits = {
  maxDocumentBytes: 8 * MB,
  maxRecords: MAX_CANVAS_NODES,
  maxEdges: MAX_CANVAS_EDGES,
  maxAwarenessBytes: 16 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1_000,
  bytesPerSecond: 2 * MB,
  byteBurst: 9 * MB,
  connectionsPerMinute: 120,
  roomsPerSocket: 4,
};

/** The largest WebSocket message accepted: a whole document and its envelope. */
export const maxMessageBytes = (limits: ServerLimits): number => limits.maxDocumentBytes + 64 * 1024;
