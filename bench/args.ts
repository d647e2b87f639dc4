/** Command-line options of the benchmarks: `--flag` and `--name value`. */
const argv = process.argv.slice(2);

export const flag = (name: string): boolean => argv.includes(name);

export const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};

/** Every value of an option given several times (`--css a --css b`). */
export const options = (name: string): string[] => argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]!] : []));
