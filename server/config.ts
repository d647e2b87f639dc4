/** The server's settings, from the environment (README: "Live collaboration (server)"). */
import { resolve } from 'node:path';
import type { CollabServerOptions } from './collabServer.ts';

/** The data folder when SAGABOARD_DATA does not name one (gitignored). */
export const DEFAULT_DATA_DIR = '.sagaboard-data';
export const DEFAULT_PORT = 8080;

export function optionsFromEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): CollabServerOptions {
  const port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const origins = (env.SAGABOARD_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return {
    port,
    ...(env.HOST && { host: env.HOST }),
    dataDir: resolve(cwd, env.SAGABOARD_DATA || DEFAULT_DATA_DIR),
    ...(env.REDIS_URL && { redisUrl: env.REDIS_URL }),
    ...(env.SAGABOARD_STATIC !== 'off' && { staticDir: resolve(cwd, env.SAGABOARD_STATIC || 'dist') }),
    ...(env.SAGABOARD_SECRET && { secret: env.SAGABOARD_SECRET }),
    origins,
    trustProxy: env.SAGABOARD_TRUST_PROXY === '1' || env.SAGABOARD_TRUST_PROXY === 'true',
  };
}
