import { visible } from '../model/index.ts';

/** What the command line needs from the outside world; injected so the CLI can be tested in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a design file; throws a CliError with a clear message when it cannot. */
  readText(path: string): string;
  /** Writes (or replaces) a file; throws a CliError with a clear message when it cannot. */
  writeText(path: string, text: string): void;
  /** True when the path is an existing folder. */
  isFolder(path: string): boolean;
  /** Creates a folder and its parents (nothing when it exists); throws a CliError when it cannot. */
  makeFolder(path: string): void;
}

/** An expected failure: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

/**
 * Text for the terminal: every line with its invisible characters written out (quote.ts), so
 * that a name in a design can neither hide nor send control sequences to the terminal.
 */
export const printable = (text: string): string => text.split('\n').map(visible).join('\n');
