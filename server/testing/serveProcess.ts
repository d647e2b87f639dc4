/**
 * `npm run serve` in a process of its own, as tests and benchmarks start it: a free loopback port
 * (read from what it prints), the given data folder and build, and a stop that waits for it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServeProcess {
  port: number;
  pid: number;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** SIGTERM (the server stores its open rooms), then waits for the exit. */
  stop(): Promise<number | null>;
}

/** `askedPort` 0 picks a free one; a given port lets a test restart the server where its pages expect it. */
export async function startServeProcess(dataDir: string, staticDir = 'off', askedPort = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, PORT: String(askedPort), HOST: '127.0.0.1', SAGABOARD_DATA: dataDir, SAGABOARD_STATIC: staticDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', () => reject(new Error(`the server stopped: ${out}`)));
  });
  return {
    port,
    pid: child.pid!,
    exited,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Temporary folders, each made on demand and all removed by `removeAll` (call it in afterAll). */
export function temporaryFolders(prefix: string): { make(): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll: () => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  };
}
