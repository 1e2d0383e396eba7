/**
 * A small seeded generator (xoshiro128**, seeded through splitmix32) so that bootstrap intervals are
 * reproducible across runs, machines and the browser. Math.random cannot be seeded.
 */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => nextUint32() * TWO_TO_MINUS_32,
    // n·2^32 stays below 2^53 for n < 2^21·1000, far beyond any table we resample.
    below: (n: number) => Math.floor(nextUint32() * n * TWO_TO_MINUS_32),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
