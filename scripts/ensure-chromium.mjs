#!/usr/bin/env node
// Makes sure the system Chromium the end-to-end tests use is installed (Playwright never downloads one).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

if (typeof process.getuid === 'function' && process.getuid() === 0) {
  const run = (args, env = process.env) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status ?? 1;
  const updated = run(['update']);
  if (updated !== 0) process.exit(updated);
  process.exit(run(['install', '-y', 'chromium'], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }));
}

console.log("Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) and retry.");
process.exit(1);
