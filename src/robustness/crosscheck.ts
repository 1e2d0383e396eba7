/**
 * Differential testing of two implementations of one model (`assay crosscheck`): both score the same
 * rows (the data, and fuzzed rows from the contract when one is given); reported are the share of rows
 * whose decisions differ (Wilson interval), the largest score differences with their rows, the rows
 * where only one side is finite, and the disagreement per slice. Training/serving inconsistencies in
 * the model path (a float32 export, a re-export, a serving endpoint) show up here as skew does for data.
 */

import { rowGroups } from "../evaluate/predicates.js";
import { batchRecords } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { Batch } from "../table/types.js";

interface Difference {
  row: number;
  a: number;
  b: number;
  difference: number;
  values: Record<string, unknown>;
}

export interface CrosscheckPart {
  /** "data" or "fuzzed". */
  rows: number;
  disagreements: number;
  rate: number | null;
  ci: [number, number] | null;
  /** Rows where one side is finite and the other is not (NaN, ±∞, a crash of one). */
  oneSidedNonFinite: number;
  maxDifference: number;
  meanDifference: number;
  largest: Difference[];
}

export interface SliceAgreement {
  column: string;
  group: string;
  rows: number;
  disagreements: number;
  rate: number;
  ci: [number, number] | null;
}

export async function crosscheck(
  a: Model,
  b: Model,
  data: Batch,
  options: { threshold: number; top: number; level: number; slices?: string[] },
): Promise<{ part: CrosscheckPart; slices: SliceAgreement[] }> {
  const sa = (await predictTable(a, data)).scores;
  const sb = (await predictTable(b, data)).scores;
  const n = data.length;
  const disagree = new Uint8Array(n);
  const diffs: number[] = [];
  let oneSided = 0;
  let sum = 0;
  let finite = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const fa = Number.isFinite(sa[i]);
    const fb = Number.isFinite(sb[i]);
    if (fa !== fb) {
      oneSided++;
      disagree[i] = 1;
      continue;
    }
    if (!fa) continue;
    const d = Math.abs(sa[i] - sb[i]);
    diffs.push(i);
    sum += d;
    finite++;
    max = Math.max(max, d);
    if (sa[i] >= options.threshold !== sb[i] >= options.threshold) disagree[i] = 1;
  }
  let count = 0;
  for (const x of disagree) count += x;
  const order = diffs.sort((x, y) => Math.abs(sb[y] - sa[y]) - Math.abs(sb[x] - sa[x])).slice(0, options.top);
  const records = order.length > 0 ? batchRecords(data, null) : [];
  const largest = order.map((i) => ({
    row: data.offset + i,
    a: sa[i],
    b: sb[i],
    difference: sb[i] - sa[i],
    values: records[i],
  }));
  const part: CrosscheckPart = {
    rows: n,
    disagreements: count,
    rate: n > 0 ? count / n : null,
    ci: wilsonInterval(count, n, options.level),
    oneSidedNonFinite: oneSided,
    maxDifference: max,
    meanDifference: finite > 0 ? sum / finite : 0,
    largest,
  };
  const slices: SliceAgreement[] = [];
  for (const name of options.slices ?? []) {
    const column = data.columns.find((c) => c.name === name);
    if (!column) continue;
    const groups = rowGroups(column, n);
    const tally = new Map<string, { rows: number; disagreements: number }>();
    groups.forEach((g, i) => {
      const t = tally.get(g ?? "(missing)") ?? { rows: 0, disagreements: 0 };
      t.rows++;
      t.disagreements += disagree[i];
      tally.set(g ?? "(missing)", t);
    });
    for (const [group, t] of tally)
      slices.push({
        column: name,
        group,
        ...t,
        rate: t.disagreements / t.rows,
        ci: wilsonInterval(t.disagreements, t.rows, options.level),
      });
  }
  slices.sort((x, y) => y.rate - x.rate || y.rows - x.rows);
  return { part, slices };
}
