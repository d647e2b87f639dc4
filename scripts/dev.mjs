#!/usr/bin/env node
// `npm start`: the Vite dev server and the collaboration server together, in one command. Vite
// proxies /collaboration (HTTP and WebSocket) to the collaboration server (vite.config.ts), so
// the page talks to its own origin as in production. Ctrl+C stops both (the server stores open
// rooms first); if either stops, the other is stopped too.
import { spawn } from 'node:child_process';

const collabPort = process.env.SAGABOARD_COLLAB_PORT || '5199';
const env = { ...process.env, SAGABOARD_COLLAB_PORT: collabPort };

const children = [
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...env, PORT: collabPort, HOST: '127.0.0.1', SAGABOARD_STATIC: 'off' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--open=false', ...process.argv.slice(2)], { stdio: 'inherit', env }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}
for (const child of children) child.once('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => stopAll(0));
