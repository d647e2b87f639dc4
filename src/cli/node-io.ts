/** The CLI's IO on Node's file system and standard streams. */
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { MAX_FILE_CHARS } from '../model/index.ts';
import { CliError, type CliIO } from './io.ts';

export const nodeIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readText(path) {
    return readCapped(path, MAX_FILE_CHARS);
  },
  writeText(path, text) {
    try {
      writeFileSync(path, text, 'utf8');
    } catch (e) {
      throw new CliError(`${path}: cannot write it (${why(e)})`);
    }
  },
  isFolder(path) {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  makeFolder(path) {
    try {
      mkdirSync(path, { recursive: true });
    } catch (e) {
      throw new CliError(`${path}: cannot create the folder (${why(e)})`);
    }
  },
};

const CHUNK_BYTES = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const tooBig = (path: string, bytes: number, cap: number) =>
  new CliError(`${path}: the file is ${mb(bytes)}; Sagaboard opens designs up to ${cap / 1024 / 1024} MB`);

/** What a path is when it is not a regular file: devices (/dev/zero) and pipes never end or never start. */
function notAFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}

const refuse = (path: string, what: string) =>
  new CliError(what === 'a folder' ? `${path} is a folder, not a design file` : `${path}: not a design file but ${what}; give the path of a *.sagaboard.json file`);

/**
 * Reads a regular file of at most `cap` bytes as UTF-8. Anything else is refused before it is
 * opened (a device would be read without end, a named pipe would wait for a writer for ever);
 * the file is opened without waiting and checked again, in case it was swapped in between, and
 * at most `cap` + 1 bytes are read whatever its size said.
 */
export function readCapped(path: string, cap: number): string {
  const failed = (e: unknown) => {
    if (e instanceof CliError) return e;
    const code = (e as NodeJS.ErrnoException).code;
    return new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read it (${why(e)})`);
  };
  let fd: number;
  try {
    const what = notAFile(statSync(path));
    if (what) throw refuse(path, what);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw failed(e);
  }
  try {
    const stat = fstatSync(fd);
    const what = notAFile(stat);
    if (what) throw refuse(path, what);
    if (stat.size > cap) throw tooBig(path, stat.size, cap);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Never more than cap + 1 bytes, whatever the size said: a file may grow while it is read.
      const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, cap + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > cap) throw tooBig(path, Math.max(total, stat.size), cap);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    throw failed(e);
  } finally {
    closeSync(fd);
  }
}

/** A file system error in words a person can act on. */
function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (e as Error).message;
  }
}
