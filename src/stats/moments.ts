/**
 * Chan, Golub and LeVeque's pairwise combination of (n, mean, M2) — the running moments of two parts
 * combined into the moments of their union (numpy: the same as `var(concat) · n` up to rounding).
 */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

export function combineMoments(a: Moments | null, b: Moments | null): Moments | null {
  if (!a || a.n === 0) return b && b.n > 0 ? { ...b } : a && b ? { n: 0, mean: 0, m2: 0 } : (a ?? b);
  if (!b || b.n === 0) return { ...a };
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n };
}
