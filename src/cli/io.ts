/** What the command line needs from the outside world; injected so the CLI can be tested in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Reads a design file; throws a CliError with a clear message when it cannot. */
  readText(path: string): string;
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
