/** The CLI's IO on Node's file system and standard streams. */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { MAX_FILE_CHARS } from '../model/index.ts';
import { CliError, type CliIO } from './io.ts';

export const nodeIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readText(path) {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new CliError(`${path} is a folder, not a design file`);
      size = stat.size;
    } catch (e) {
      if (e instanceof CliError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read it (${code ?? (e as Error).message})`);
    }
    if (size > MAX_FILE_CHARS * 4) throw new CliError(`${path}: the file is ${(size / 1024 / 1024).toFixed(0)} MB; Sagaboard opens designs up to ${MAX_FILE_CHARS / 1024 / 1024} MB`);
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      throw new CliError(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
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
