/**
 * `npm run serve`: the production build and the live boards on one port. Settings come from the
 * environment (server/config.ts); Ctrl+C stores every open room before it exits.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COLLABORATION_PATH, startCollabServer } from './collabServer.ts';
import { optionsFromEnv } from './config.ts';

const options = optionsFromEnv(process.env);
if (options.staticDir && !existsSync(join(options.staticDir, 'index.html'))) {
  console.warn(`${options.staticDir} holds no build: run \`npm run build\` first (live boards work without it)`);
}
const server = await startCollabServer(options);
const where = options.host ?? 'localhost';
console.log(
  `Sagaboard on http://${where}:${server.port}${options.staticDir ? '' : ' (no app)'}, live boards at ${COLLABORATION_PATH}; ` +
    `rooms kept in ${options.dataDir}${options.redisUrl ? ', joined with other instances through Redis' : ''}`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('stopping: storing open rooms…');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
