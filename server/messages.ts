/**
 * The parts of a Hocuspocus message the guards look at: the room it is for, its type, and, for a
 * change to the document, the Yjs update it carries. Reading throws on a message cut short.
 */
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

export interface Envelope {
  room: string;
  type: number;
  /** The Yjs update of a sync step 2 or an update message; absent for every other message. */
  update?: Uint8Array;
}

/** The room a message is for (the first field of every Hocuspocus message). */
export const roomOf = (data: Uint8Array): string => decoding.readVarString(decoding.createDecoder(data));

export function readEnvelope(data: Uint8Array): Envelope {
  const decoder = decoding.createDecoder(data);
  const room = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return { room, type };
  const step = decoding.readVarUint(decoder);
  if (step !== messageYjsSyncStep2 && step !== messageYjsUpdate) return { room, type };
  return { room, type, update: decoding.readVarUint8Array(decoder) };
}

/**
 * Refuses one message by closing its sender's connection to that room, with a reason the sender's
 * provider reports (its `close` event); everyone else in the room carries on. The empty message
 * keeps Hocuspocus's hook runner from logging it twice.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly code = 4400,
  ) {
    super('');
    this.name = 'Refusal';
    // Hocuspocus logs the error of every closed connection: one line is enough.
    this.stack = `Refusal: ${reason}`;
  }
}
