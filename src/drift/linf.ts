/** L-infinity distance of two frequency vectors: maxₖ |pₖ − qₖ| (TFDV's categorical comparator). */
export function linf(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < p.length; i++) max = Math.max(max, Math.abs(p[i] - q[i]));
  return max;
}
