/** The `sagaboard` command line (spec §3). Exit codes: 0 fine, 1 errors found or a scenario not met, 2 unusable input or usage. */
import { loadDocument, shortened, type SagaDocument } from '../model/index.ts';
import { analyseCommand } from './analyse-command.ts';
import { compareCommand } from './compare-command.ts';
import { convertCommand } from './convert-command.ts';
import { exportCommand } from './export-command.ts';
import { BUDGET_OPTIONS, exploreCommand, MAX_BUDGET, MAX_STATES_LIMIT } from './explore-command.ts';
import { BUDGET_KINDS, type Budgets } from '../simulation/explore/index.ts';
import { CliError, printable, type CliIO } from './io.ts';
import { MAX_RUNS, simulateCommand, wholeNumber } from './simulate-command.ts';
import { validateCommand } from './validate-command.ts';

export const USAGE = `Usage:
  sagaboard validate FILE [--json]
  sagaboard simulate FILE [--seed N] [--runs N] [--fail NAME]... [--scenario NAME] [--json]
  sagaboard export FILE --to mermaid|asyncapi|json [--out PATH]
  sagaboard analyse FILE [--json]
  sagaboard compare FILE_A FILE_B [--runs N] [--seed N] [--json]
  sagaboard convert FILE --to orchestration|choreography [--out PATH]
  sagaboard explore FILE [--failures N] [--duplicates N] [--crashes N] [--timeouts N]
                         [--max-states N] [--json] [--out PATH]

Exit codes: 0 no errors (validate), simulated (simulate), exported (export), analysed (analyse),
compared (compare), converted (convert) or no counterexample (explore); 1 errors found (validate),
a scenario's expected outcome not met (simulate) or a counterexample found (explore); 2 unreadable
file, not a design, bad usage, a conversion refused, or (export) nothing to export or a PATH that
cannot be written.`;

/** Runs the command line; returns the exit code. Never throws. */
export function main(argv: readonly string[], io: CliIO): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`sagaboard: ${printable(e.message)}`);
      return e.exitCode;
    }
    io.err(`sagaboard: internal error: ${printable((e as Error)?.message ?? String(e))}`);
    return 2;
  }
}

function run(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    case 'validate': {
      const { file, flags } = parseArgs(rest, ['--json'], []);
      return validateCommand(readDesign(file, io), flags.has('--json'), io);
    }
    case 'simulate': {
      const { file, flags, options } = parseArgs(rest, ['--json'], ['--seed', '--runs', '--fail', '--scenario']);
      const seed = single(options, '--seed');
      const runs = single(options, '--runs');
      const simulateOptions = {
        file,
        seed: seed === undefined ? undefined : wholeNumber('--seed', seed, 0, Number.MAX_SAFE_INTEGER),
        runs: runs === undefined ? undefined : wholeNumber('--runs', runs, 1, MAX_RUNS),
        fail: options.get('--fail') ?? [],
        scenario: single(options, '--scenario'),
        json: flags.has('--json'),
      };
      return simulateCommand(readDesign(file, io), simulateOptions, io);
    }
    case 'export': {
      const { file, options } = parseArgs(rest, [], ['--to', '--out']);
      const exportOptions = { file, to: single(options, '--to'), out: single(options, '--out') };
      return exportCommand(readDesign(file, io), exportOptions, io);
    }
    case 'analyse': {
      const { file, flags } = parseArgs(rest, ['--json'], []);
      return analyseCommand(readDesign(file, io), flags.has('--json'), io);
    }
    case 'compare': {
      const { files, flags, options } = parseArgs(rest, ['--json'], ['--runs', '--seed'], 2);
      const runs = single(options, '--runs');
      const seed = single(options, '--seed');
      const compareOptions = {
        runs: runs === undefined ? undefined : wholeNumber('--runs', runs, 1, MAX_RUNS),
        seed: seed === undefined ? undefined : wholeNumber('--seed', seed, 0, Number.MAX_SAFE_INTEGER),
        json: flags.has('--json'),
      };
      return compareCommand(readDesign(files[0]!, io), readDesign(files[1]!, io), compareOptions, io);
    }
    case 'convert': {
      const { file, options } = parseArgs(rest, [], ['--to', '--out']);
      return convertCommand(readDesign(file, io), { file, to: single(options, '--to'), out: single(options, '--out') }, io);
    }
    case 'explore': {
      const valued = [...BUDGET_KINDS.map((k) => BUDGET_OPTIONS[k]), '--max-states', '--out'];
      const { file, flags, options } = parseArgs(rest, ['--json'], valued);
      const budgets: Partial<Budgets> = {};
      for (const k of BUDGET_KINDS) {
        const value = single(options, BUDGET_OPTIONS[k]);
        if (value !== undefined) budgets[k] = wholeNumber(BUDGET_OPTIONS[k], value, 0, MAX_BUDGET);
      }
      const maxStates = single(options, '--max-states');
      const exploreOptions = {
        file,
        budgets,
        maxStates: maxStates === undefined ? undefined : wholeNumber('--max-states', maxStates, 1, MAX_STATES_LIMIT),
        json: flags.has('--json'),
        out: single(options, '--out'),
      };
      return exploreCommand(readDesign(file, io), exploreOptions, io);
    }
    default:
      throw new CliError(`unknown command '${shortened(command)}'\n${USAGE}`);
  }
}

interface ParsedArgs {
  file: string;
  /** Every FILE, when the command takes several. */
  files: string[];
  flags: Set<string>;
  options: Map<string, string[]>;
}

/** Parses `FILE` (or `fileCount` of them) plus the given boolean flags and valued options; anything else is a usage error. */
export function parseArgs(args: readonly string[], booleans: readonly string[], valued: readonly string[], fileCount = 1): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string[]>();
  const files: string[] = [];
  const give = fileCount === 1 ? 'give one design file' : fileCount === 2 ? 'give two design files' : `give ${fileCount} design files`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (booleans.includes(arg)) flags.add(arg);
    else if (valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined) throw new CliError(`${arg} needs a value`);
      options.set(arg, [...(options.get(arg) ?? []), value]);
    } else if (arg.startsWith('--')) throw new CliError(`unknown option ${shortened(arg)}\n${USAGE}`);
    else if (files.length < fileCount) files.push(arg);
    else throw new CliError(`unexpected argument '${shortened(arg)}': ${give}\n${USAGE}`);
  }
  if (files.length === 0) throw new CliError(`missing FILE\n${USAGE}`);
  if (files.length < fileCount) throw new CliError(`missing FILE_B: ${give}\n${USAGE}`);
  return { file: files[0]!, files, flags, options };
}

/** The value of an option that may be given once. */
function single(options: Map<string, string[]>, name: string): string | undefined {
  const values = options.get(name);
  if (values && values.length > 1) throw new CliError(`${name} is given ${values.length} times: give it once`);
  return values?.[0];
}

/** Reads and checks a design file, or throws a CliError (exit 2) saying what is wrong. */
export function readDesign(file: string, io: CliIO): SagaDocument {
  const result = loadDocument(io.readText(file));
  if (!result.ok) throw new CliError(`${file}: ${result.error.message}`);
  return result.doc;
}
