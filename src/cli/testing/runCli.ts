/** The command line run in process on an in-memory file system, for tests. */
import { CliError, type CliIO } from '../io.ts';
import { main } from '../main.ts';

/**
 * Runs `sagaboard argv…` with `files` to read and `folders` that exist; paths under /read-only/
 * cannot be written. Returns the exit code, what was printed and what was written.
 */
export function runCli(argv: readonly string[], files: Record<string, string> = {}, folders: readonly string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const existing = new Set(folders);
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText(path) {
      if (path in files) return files[path]!;
      throw new CliError(`${path}: no such file`);
    },
    writeText(path, text) {
      if (path.startsWith('/read-only/')) throw new CliError(`${path}: cannot write it (permission denied)`);
      written[path] = text;
    },
    isFolder: (path) => existing.has(path.replace(/\/$/, '')),
    makeFolder: (path) => void existing.add(path.replace(/\/$/, '')),
  };
  const code = main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), written };
}
