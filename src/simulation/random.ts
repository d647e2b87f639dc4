/**
 * The seeded pseudo-random generator of a run (spec §4.1): sfc32, fast and well distributed,
 * seeded through splitmix32 so that neighbouring seeds give unrelated streams.
 */
export type Random = () => number;

/** A generator of numbers in [0, 1); the same seed always gives the same sequence. */
export function seededRandom(seed: number): Random {
  let s = (seed >>> 0) ^ Math.floor(seed / 0x1_0000_0000);
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
