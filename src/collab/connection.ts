/**
 * A live board's shared document on the network and on this machine: the collaboration server's
 * room over a WebSocket (`@hocuspocus/provider`, with the link's key as its token), presence over
 * the same socket (the provider's awareness), and a copy of the room in this browser's IndexedDB
 * (`y-indexeddb`), so that the board opens without the server and nothing made offline is lost:
 * edits made meanwhile are merged into the room when the socket is back.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * `connecting`: the first connection is being made; `live`: in the room, changes flowing both
 * ways; `reconnecting`: the connection dropped and is being made again; `offline`: the browser is
 * offline (edits are kept here and merged when it is back); `refused`: the server will not take
 * this link or one of its changes (`problem` says which).
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused';

export interface LiveConnectionOptions {
  /** The collaboration server's WebSocket: `wss://sagaboard.example/collaboration`. */
  url: string;
  room: string;
  /** The link's key (edit or view): the server decides what it grants. */
  key: string;
  ydoc: Y.Doc;
  /** Keep a copy in IndexedDB (the browser); tests in Node go without. */
  localCopy?: boolean;
  /** For Node, which has no WebSocket of its own. */
  WebSocketPolyfill?: unknown;
  onStatus?(status: LiveStatus, problem?: string): void;
  /** Changes not yet acknowledged by the server, as their number changes. */
  onUnsynced?(count: number): void;
}

/** The IndexedDB database of a room's copy. */
export const localCopyName = (room: string): string => `sagaboard-live-${room}`;

export class LiveConnection {
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
  readonly localCopy: IndexeddbPersistence | undefined;
  /** Resolves once the copy in this browser (if any) is in the shared document. */
  readonly localCopyLoaded: Promise<void>;
  /** Resolves once the room has been synchronised with the server the first time. */
  readonly firstSync: Promise<void>;
  status: LiveStatus = 'connecting';
  problem: string | undefined;
  private everSynced = false;
  private offline = false;
  private destroyed = false;

  constructor(private readonly options: LiveConnectionOptions) {
    const { ydoc, room, key, url } = options;
    this.localCopy = options.localCopy ? new IndexeddbPersistence(localCopyName(room), ydoc) : undefined;
    this.localCopyLoaded = this.localCopy ? this.localCopy.whenSynced.then(() => undefined) : Promise.resolve();
    this.socket = new HocuspocusProviderWebsocket({
      url,
      ...(options.WebSocketPolyfill !== undefined && { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket }),
      // A dropped connection is tried again soon, then less often, up to every 10 s.
      delay: 500,
      minDelay: 500,
      maxDelay: 10_000,
    });
    let synced: () => void;
    this.firstSync = new Promise<void>((resolve) => (synced = resolve));
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: room,
      token: key,
      document: ydoc,
      onStatus: ({ status }) => {
        if (this.status === 'refused' || this.offline) return;
        if (status === WebSocketStatus.Connected) return; // live once synchronised
        this.set(this.everSynced ? 'reconnecting' : 'connecting');
      },
      onSynced: () => {
        this.everSynced = true;
        synced();
        if (!this.offline && this.status !== 'refused') this.set('live');
      },
      onAuthenticationFailed: () => this.refuse('this link does not open this board (it was changed, or the server’s secret changed)'),
      onClose: ({ event }) => {
        const reason = REFUSALS[event.reason];
        if (reason) this.refuse(reason);
      },
      onUnsyncedChanges: ({ number }) => !this.destroyed && options.onUnsynced?.(number),
    });
    this.provider.attach();
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.goOffline);
      window.addEventListener('online', this.goOnline);
      if (typeof navigator !== 'undefined' && navigator.onLine === false) this.goOffline();
    }
  }

  get awareness(): Awareness {
    return this.provider.awareness!;
  }

  /** Changes made here that the server has not acknowledged yet. */
  get unsynced(): number {
    return this.provider.unsyncedChanges;
  }

  /** The browser went offline: stop trying; edits are kept here meanwhile. */
  readonly goOffline = (): void => {
    this.offline = true;
    this.dropSocket();
    if (this.status !== 'refused') this.set('offline');
  };

  /** The browser is back online: into the room again, where what was made meanwhile is merged. */
  readonly goOnline = (): void => {
    if (!this.offline) return;
    this.offline = false;
    if (this.status === 'refused') return;
    this.set(this.everSynced ? 'reconnecting' : 'connecting');
    void this.socket.connect();
  };

  destroy(): void {
    this.destroyed = true;
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.goOffline);
      window.removeEventListener('online', this.goOnline);
    }
    this.provider.destroy();
    this.socket.destroy();
    void this.localCopy?.destroy();
  }

  private refuse(problem: string): void {
    this.problem = problem;
    // Trying again would only be refused again: the copy here keeps everything meanwhile.
    this.dropSocket();
    this.set('refused');
  }

  /**
   * Stops trying and lets go of the socket now. Closing a socket whose network is gone may not say
   * so for a long while, and until it does the provider counts itself connected and will not
   * connect again when asked: so the socket and its room are told it closed, as if its close had arrived.
   */
  private dropSocket(): void {
    this.socket.disconnect();
    if (this.socket.status !== WebSocketStatus.Disconnected) {
      this.socket.onClose({ event: { code: 1000, reason: 'left' } as CloseEvent });
      this.provider.onClose();
    }
  }

  private set(status: LiveStatus): void {
    if (this.status === status || this.destroyed) return;
    this.status = status;
    this.options.onStatus?.(status, this.problem);
  }
}

/** What the server's refusals (server/documentGuard.ts) mean, for the person refused. */
const REFUSALS: Readonly<Record<string, string>> = {
  'too-many-nodes': 'a change would put more nodes on the board than it can hold (2,000)',
  'too-many-connections': 'a change would put more connections on the board than it can hold (4,000)',
  'document-too-large': 'a change would make the board larger than the server keeps (8 MB)',
  'malformed-message': 'the server could not read a change sent from here',
  'presence-too-large': 'what this page told the others (its pointer and selection) was too large',
  'invalid-link': 'this link does not open this board',
};
