/**
 * `sagaboard convert FILE --to orchestration|choreography [--out PATH]` (spec §6.2): the converted
 * design as JSON (as `export --to json` writes documents) on stdout or to PATH, the report of
 * decisions and differences on stderr. A refused conversion is one line and exit 2.
 */
import { reportText, type ConversionTarget, type SagaDocument } from '../model/index.ts';
import { toJson } from '../export/index.ts';
import { convertLaidOut } from '../layout/converted.ts';
import { CliError, type CliIO } from './io.ts';

export interface ConvertOptions {
  /** The design file, for messages. */
  file: string;
  to: string | undefined;
  out: string | undefined;
}

const TARGETS: readonly ConversionTarget[] = ['orchestration', 'choreography'];

/** Converts and writes; returns 0. Throws a CliError (exit 2) for bad options, a refused conversion, or a PATH it cannot write. */
export function convertCommand(doc: SagaDocument, options: ConvertOptions, io: CliIO): number {
  const to = targetOf(options.to);
  const result = convertLaidOut(doc, to);
  if (!result.ok) throw new CliError(`${options.file}: ${result.reason}`);
  const text = toJson(result.doc);
  if (options.out === undefined) io.out(text);
  else io.writeText(options.out, text);
  io.err(reportText(result.report, doc.name.trim(), result.doc.name));
  if (options.out !== undefined) io.err(`wrote ${options.out}`);
  return 0;
}

function targetOf(to: string | undefined): ConversionTarget {
  if (to === undefined) throw new CliError('convert needs --to: give --to orchestration or --to choreography');
  const target = TARGETS.find((t) => t === to.trim().toLowerCase());
  if (!target) throw new CliError(`unknown --to '${to}': give orchestration or choreography`);
  return target;
}
