/** The CLI's IO on Node's file system and standard streams. */
import { readFileSync, statSync } from 'node:fs';
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
};
