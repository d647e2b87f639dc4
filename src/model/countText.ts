/**
 * A whole number with its thousands grouped, as `toLocaleString('en-US')` writes it (`12,345`),
 * without the browser's number formatting: its first use in a page costs 15–30 ms (ICU loads its
 * data), on the way to drawing the design (docs/decisions.md). Anything but a safe integer is
 * left to toLocaleString.
 */
export function countText(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  if (Object.is(n, -0)) return '-0';
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
