/**
 * The anchor of the adversarial search: random search in the same L∞ ball. For each row the search
 * flipped at radius r, random corners of the ball of radius r (each numeric feature moved by ±r SD,
 * signs drawn at random, clipped to the data's range) are scored until one flips the decision or the
 * budget is spent. Corners are the strongest simple random strategy for L∞ (Andriushchenko et al.'s
 * Square Attack samples them too); the interior flips less often. Calls per flip = queries / flips.
 */
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { seededRandom } from "../stats/random.js";
import type { Batch } from "../table/types.js";
import { mutableFeatures, shiftedRows } from "./adversarial.js";

export interface RandomSearchResult {
  rows: number;
  flips: number;
  queries: number;
  /** queries / flips; null when nothing flipped. */
  callsPerFlip: number | null;
}

export async function randomSearch(
  model: Model,
  data: Batch,
  features: string[],
  targets: { row: number; radius: number }[],
  options: {
    threshold: number;
    immutable: string[];
    budget: number;
    seed: number;
    ranges?: Record<string, { min: number | null; max: number | null }>;
  },
): Promise<RandomSearchResult> {
  const { numeric } = mutableFeatures(data, features, options.immutable, options.ranges);
  const p = numeric.length;
  const random = seededRandom(options.seed);
  const base = (await predictTable(model, data)).scores;
  const spent = new Float64Array(targets.length);
  const done = new Uint8Array(targets.length);
  const perRound = 16;
  let flips = 0;
  for (let round = 0; round * perRound < options.budget; round++) {
    const open = targets.map((_, k) => k).filter((k) => !done[k]);
    if (open.length === 0) break;
    const take = Math.min(perRound, options.budget - round * perRound);
    const rows = open.flatMap((k) => Array.from({ length: take }, () => targets[k].row));
    const signs = Float64Array.from({ length: rows.length * p }, () => (random.next() < 0.5 ? -1 : 1));
    const batch = shiftedRows(
      data,
      rows,
      numeric,
      (r, j) => signs[r * p + j] * targets[open[Math.floor(r / take)]].radius,
    );
    const scores = (await predictTable(model, batch)).scores;
    open.forEach((k, o) => {
      const i = targets[k].row;
      const positive = base[i] >= options.threshold;
      for (let c = 0; c < take; c++) {
        spent[k]++;
        const s = scores[o * take + c];
        if (Number.isFinite(s) && s >= options.threshold !== positive) {
          done[k] = 1;
          flips++;
          break;
        }
      }
    });
  }
  let queries = 0;
  for (const q of spent) queries += q;
  return { rows: targets.length, flips, queries, callsPerFlip: flips > 0 ? queries / flips : null };
}
