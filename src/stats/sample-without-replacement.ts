/**
 * k of the indices 0 … n − 1 drawn without replacement (a partial Fisher–Yates shuffle on the seeded
 * source, ./random.ts), returned in ascending order so a sample reads in data order. All of them when
 * k ≥ n. Counterpart: numpy.random.Generator.choice(n, k, replace=False) sorted (another stream).
 */
import type { Random } from "./random.js";

export function sampleWithoutReplacement(n: number, k: number, random: Random): Uint32Array {
  const pool = Uint32Array.from({ length: n }, (_, i) => i);
  if (k >= n) return pool;
  for (let i = 0; i < k; i++) {
    const j = i + random.below(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k).sort();
}
