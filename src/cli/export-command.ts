/**
 * `sagaboard export FILE --to mermaid|asyncapi|json [--out PATH]` (spec §3): to stdout, to the
 * file PATH, or, when PATH is a folder (an existing one, or a path ending with `/`), one file per
 * document inside it: `<participant>.asyncapi.yaml` for AsyncAPI, `<design>.mmd` or
 * `<design>.sagaboard.json` otherwise.
 */
import { join, sep } from 'node:path';
import { shortened, type SagaDocument } from '../model/index.ts';
import { asyncApiFiles, ExportRefused, fileSlugOf, toAsyncApi, toJson, toMermaid } from '../export/index.ts';
import { CliError, type CliIO } from './io.ts';

export const EXPORT_FORMATS = ['mermaid', 'asyncapi', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** The design file, for messages. */
  file: string;
  to: string | undefined;
  out: string | undefined;
}

/** Exports and writes; returns 0. Throws a CliError (exit 2) for bad options, a design with nothing to export, or a PATH it cannot write. */
export function exportCommand(doc: SagaDocument, options: ExportOptions, io: CliIO): number {
  const format = formatOf(options.to);
  const { out } = options;
  try {
    if (out === undefined) io.out(streamOf(doc, format));
    else if (out.endsWith('/') || out.endsWith(sep) || io.isFolder(out)) {
      io.makeFolder(out);
      for (const f of filesOf(doc, format)) {
        const path = join(out, f.name);
        io.writeText(path, f.text);
        io.out(`wrote ${path}`);
      }
    } else {
      io.writeText(out, streamOf(doc, format));
      io.out(`wrote ${out}`);
    }
  } catch (e) {
    if (e instanceof ExportRefused) throw new CliError(`${options.file}: ${e.message}`);
    throw e;
  }
  return 0;
}

function formatOf(to: string | undefined): ExportFormat {
  const choices = 'mermaid, asyncapi or json';
  if (to === undefined) throw new CliError(`export needs --to: give --to ${choices}`);
  const format = EXPORT_FORMATS.find((f) => f === to.trim().toLowerCase());
  if (!format) throw new CliError(`unknown --to '${shortened(to)}': give ${choices}`);
  return format;
}

/** Everything in one text: AsyncAPI documents separated by `---` lines. */
function streamOf(doc: SagaDocument, format: ExportFormat): string {
  switch (format) {
    case 'mermaid':
      return toMermaid(doc);
    case 'asyncapi':
      return toAsyncApi(doc);
    case 'json':
      return toJson(doc);
  }
}

/** One file per document, named so that they can sit in one folder. */
function filesOf(doc: SagaDocument, format: ExportFormat): { name: string; text: string }[] {
  const base = fileSlugOf(doc.name) || 'design';
  switch (format) {
    case 'mermaid':
      return [{ name: `${base}.mmd`, text: toMermaid(doc) }];
    case 'asyncapi':
      return asyncApiFiles(doc).map((f) => ({ name: f.fileName, text: f.text }));
    case 'json':
      return [{ name: `${base}.sagaboard.json`, text: toJson(doc) }];
  }
}
