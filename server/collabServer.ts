/**
 * The Sagaboard server: the production build and the live boards' WebSocket (`/collaboration`) on
 * one port, from one Node process. Rooms are kept in SQLite in the data folder; given a Redis URL,
 * instances that share it (and the data folder, or at least the database and the secret) serve
 * the same rooms, each person on whichever instance the proxy sends them to.
 */
import { Redis } from '@hocuspocus/extension-redis';
import { Throttle } from '@hocuspocus/extension-throttle';
import { Hocuspocus, type Extension, type onAuthenticatePayload } from '@hocuspocus/server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import IORedis from 'ioredis';
import { WebSocketServer, type WebSocket } from 'ws';
import { accessOf, newRoom, serverSecret } from './access.ts';
import { documentGuard } from './documentGuard.ts';
import { DEFAULT_LIMITS, maxMessageBytes, type ServerLimits } from './limits.ts';
import { Refusal } from './messages.ts';
import { originAllowed } from './origin.ts';
import { guardSocket } from './socketGuard.ts';
import { reply, serveStatic } from './staticFiles.ts';
import { RoomStore } from './storage.ts';

/** Where the live boards' WebSocket is, and where a page asks for a new room (POST). */
export const COLLABORATION_PATH = '/collaboration';
export const ROOMS_PATH = '/collaboration/rooms';

export interface CollabServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The address to listen on; all interfaces when absent. */
  host?: string;
  /** The data folder: the SQLite file and, unless `secret` is given, the server's secret. */
  dataDir: string;
  /** Join the instances that share this Redis. */
  redisUrl?: string;
  /** The production build to serve; none when absent (the dev server serves the app). */
  staticDir?: string;
  /** The secret that signs rooms' edit keys; kept in the data folder when absent. */
  secret?: string;
  /** Origins besides the server's own whose pages may use it, e.g. `https://sagaboard.example`. */
  origins?: readonly string[];
  /** Read the client's address from X-Forwarded-For / X-Real-IP (only behind a proxy that sets them). */
  trustProxy?: boolean;
  limits?: Partial<ServerLimits>;
}

export interface CollabServer {
  /** The port it listens on. */
  port: number;
  hocuspocus: Hocuspocus;
  /** Stores every open room, closes every connection and the database. */
  close(): Promise<void>;
}

export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const origins = options.origins ?? [];
  const secret = serverSecret(options.dataDir, options.secret);
  const store = new RoomStore(options.dataDir);
  /** Each WebSocket by the request that opened it: an invalid link closes its socket. */
  const sockets = new WeakMap<IncomingMessage, WebSocket>();
  const extensions: Extension[] = [
    new Throttle({ throttle: limits.connectionsPerMinute, consideredSeconds: 60, banTime: 1 }),
    store,
    documentGuard(limits),
  ];
  const { redisUrl } = options;
  if (redisUrl) extensions.unshift(new Redis({ createClient: () => new IORedis(redisUrl), prefix: 'sagaboard' }));

  const hocuspocus = new Hocuspocus({
    name: 'sagaboard',
    quiet: true,
    extensions,
    async onAuthenticate({ documentName, token, connectionConfig, request }: onAuthenticatePayload) {
      const access = accessOf(secret, documentName, token);
      if (!access) {
        // Hocuspocus keeps queueing a refused room's messages on its socket: close the socket
        // once the refusal has gone out.
        const ws = sockets.get(request);
        setTimeout(() => ws?.close(4403, 'invalid-link'), 100);
        throw new Refusal('invalid-link', 4403);
      }
      connectionConfig.readOnly = access === 'view';
      return { access };
    },
  });
  await store.ready;

  const http = createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('request failed:', error);
      if (!response.headersSent) reply(response, 500, 'server error');
      else response.destroy();
    });
  });
  const handleRequest = async (request: IncomingMessage, response: ServerResponse) => {
    const path = pathOf(request);
    if (path === ROOMS_PATH) return createRoom(request, response);
    if (path === COLLABORATION_PATH || path.startsWith(`${COLLABORATION_PATH}/`)) return reply(response, 426, 'upgrade to a WebSocket', { Upgrade: 'websocket' });
    if (!options.staticDir) return reply(response, 404, 'not found');
    return serveStatic(options.staticDir, request, response);
  };
  const createRoom = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return reply(response, 405, 'method not allowed', { Allow: 'POST' });
    if (!originAllowed(request, origins)) return reply(response, 403, 'forbidden');
    response.writeHead(201, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(newRoom(secret)));
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes(limits) });
  http.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (pathOf(request) !== COLLABORATION_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!originAllowed(request, origins)) return refuseUpgrade(socket, '403 Forbidden');
    if (!options.trustProxy) {
      delete request.headers['x-forwarded-for'];
      delete request.headers['x-real-ip'];
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => console.error('WebSocket:', error.message));
      guardSocket(ws, limits);
      sockets.set(request, ws);
      hocuspocus.handleConnection(ws, request);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The port is taken (or not ours): let go of the database, Redis and timers before saying so.
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = async () => {
    http.close();
    hocuspocus.closeConnections();
    await until(() => hocuspocus.getDocumentsCount() === 0 && hocuspocus.loadingDocuments.size === 0, 15_000);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    http.closeAllConnections();
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
  };
  return {
    port: (http.address() as AddressInfo).port,
    hocuspocus,
    close: () => (closing ??= close()),
  };
}

const pathOf = (request: IncomingMessage): string => {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
};

function refuseUpgrade(socket: Socket, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Waits until `done()` holds, at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  if (!done()) console.error('stopping: some rooms were still being stored');
}
