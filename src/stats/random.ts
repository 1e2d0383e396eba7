/**
 * The seeded random source of the project: xoshiro128** (Blackman & Vigna 2018), seeded through
 * splitmix32, so that bootstrap intervals, fold assignments and simulations are reproducible across
 * runs, machines and the browser (Math.random cannot be seeded). Uniform integers below n are
 * ⌊u·n⌋ with u a 32-bit uniform: each value's probability is off by at most n/2³² relative (2.3e-4
 * at n = 10⁶).
 * No NumPy counterpart: numpy.random streams (PCG64) differ, so tests compare distributions and
 * intervals, never individual draws, with Python.
 */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
  /**
   * Adds `draws` uniform draws from [0, m) into counts[0..m): one multinomial resample. Same stream
   * as `draws` calls of below(m), with the generator inlined (twice as fast as calling it).
   */
  countDraws(counts: Uint8Array, m: number, draws: number): void;
  /**
   * Fills `out` with the next out.length uniform 32-bit draws: the same stream as that many calls of
   * nextUint32, with the generator inlined (a call per draw reads and writes the state in its closure:
   * 4 ns a draw against 1.4).
   */
  fillUint32(out: Uint32Array): void;
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
  const countDraws = (counts: Uint8Array, m: number, draws: number): void => {
    const scale = m * TWO_TO_MINUS_32;
    let s0 = a;
    let s1 = b;
    let s2 = c;
    let s3 = d;
    for (let j = 0; j < draws; j++) {
      const x = Math.imul(s1, 5);
      const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      counts[Math.floor(result * scale)]++;
    }
    a = s0;
    b = s1;
    c = s2;
    d = s3;
  };
  const fillUint32 = (out: Uint32Array): void => {
    let s0 = a;
    let s1 = b;
    let s2 = c;
    let s3 = d;
    for (let j = 0; j < out.length; j++) {
      const x = Math.imul(s1, 5);
      out[j] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    a = s0;
    b = s1;
    c = s2;
    d = s3;
  };
  return {
    nextUint32,
    countDraws,
    fillUint32,
    next: () => nextUint32() * TWO_TO_MINUS_32,
    // n·2^32 stays below 2^53 for n < 2^21·1000, far beyond any table we resample.
    below: (n: number) => Math.floor(nextUint32() * n * TWO_TO_MINUS_32),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
