/**
 * Shapley values by their definition, φ_j = Σ_{S ⊆ N∖{j}} |S|!(M−|S|−1)!/M! · (v(S ∪ {j}) − v(S)),
 * over all 2^M coalitions (a coalition is a bit mask). The reference the fast algorithms (TreeSHAP,
 * Kernel SHAP) are tested against; usable up to M ≈ 16. Browser-safe.
 */
import { InputError } from "../table/errors.js";

export const MAX_EXACT_PLAYERS = 16;

export function exactShapley(players: number, value: (coalition: number) => number): Float64Array {
  if (players > MAX_EXACT_PLAYERS)
    throw new InputError(
      `exact Shapley values enumerate 2^M coalitions; M = ${players} is above ${MAX_EXACT_PLAYERS}`,
    );
  const size = 1 << players;
  const v = new Float64Array(size);
  for (let s = 0; s < size; s++) v[s] = value(s);
  // weight[k] = k!(M−k−1)!/M!
  const weight = new Float64Array(players);
  for (let k = 0; k < players; k++) weight[k] = 1 / (players * binomial(players - 1, k));
  const phi = new Float64Array(players);
  for (let s = 0; s < size; s++) {
    const k = popcount(s);
    for (let j = 0; j < players; j++)
      if ((s & (1 << j)) === 0) phi[j] += weight[k] * (v[s | (1 << j)] - v[s]);
  }
  return phi;
}

export function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

export function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}
