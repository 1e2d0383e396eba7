/**
 * Simulated columns for the drift calibration (test/drift/error-rates.test.ts, bench/drift-calibration.ts):
 * the column types of issue 13 under no drift, and the shifts whose power is reported.
 */
import { defaultPolicy } from "../../src/drift/policy.js";
import type { CategoricalSample, NumericSample } from "../../src/drift/sample.js";
import { type ColumnPair, compareColumns, type DatasetDrift } from "../../src/drift/verdict.js";
import { distributionOf } from "../../src/stats/distribution.js";
import { type Random, seededRandom } from "../../src/stats/random.js";

export type Side = NumericSample | CategoricalSample;

export interface Generator {
  name: string;
  type: ColumnPair["type"];
  /** One side of n rows; `current` marks the current side (alternatives change only that one). */
  draw(random: Random, n: number, current: boolean): Side;
}

function normal(random: Random): number {
  let u = 0;
  while (u === 0) u = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function numericSide(values: Float64Array, missing = 0): NumericSample {
  return {
    kind: "numeric",
    distribution: distributionOf(values),
    missing,
    nonFinite: 0,
    rows: values.length + missing,
  };
}

function poisson(random: Random, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k++;
    p *= random.next();
  }
  return k;
}

/** n draws from the given probabilities (normalised), as counts by label; binary search on the CDF. */
export function categoricalSide(
  random: Random,
  probabilities: number[],
  n: number,
  labels?: string[],
): CategoricalSample {
  const cumulative = new Float64Array(probabilities.length);
  let s = 0;
  probabilities.forEach((p, i) => {
    s += p;
    cumulative[i] = s;
  });
  const counts = new Float64Array(probabilities.length);
  for (let i = 0; i < n; i++) {
    const u = random.next() * s;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  const map = new Map<string, number>();
  counts.forEach((c, k) => {
    if (c > 0) map.set(labels?.[k] ?? `c${k}`, c);
  });
  return { kind: "categorical", counts: map, missing: 0, rows: n };
}

const zipf = (levels: number, exponent: number) =>
  Array.from({ length: levels }, (_, k) => 1 / (k + 1) ** exponent);
export const FIVE_LEVELS = [0.4, 0.25, 0.2, 0.1, 0.05];
const LONG_50 = zipf(50, 1);
const LEVELS_500 = zipf(500, 0.8);

/** The seven column types of issue 13, with no drift between the sides. */
export const NULL_COLUMNS: Generator[] = [
  {
    name: "normal",
    type: "float",
    draw: (r, n) => numericSide(Float64Array.from({ length: n }, () => normal(r))),
  },
  {
    name: "lognormal",
    type: "float",
    draw: (r, n) => numericSide(Float64Array.from({ length: n }, () => Math.exp(normal(r)))),
  },
  {
    name: "poisson",
    type: "integer",
    draw: (r, n) => numericSide(Float64Array.from({ length: n }, () => poisson(r, 4))),
  },
  { name: "levels5", type: "string", draw: (r, n) => categoricalSide(r, FIVE_LEVELS, n) },
  { name: "levels50", type: "string", draw: (r, n) => categoricalSide(r, LONG_50, n) },
  { name: "levels500", type: "string", draw: (r, n) => categoricalSide(r, LEVELS_500, n) },
  { name: "boolean", type: "boolean", draw: (r, n) => categoricalSide(r, [0.7, 0.3], n, ["false", "true"]) },
];

/** The shifts whose power is reported: each changes the current side only. */
export const ALTERNATIVES: Generator[] = [
  {
    name: "shift 0.2σ",
    type: "float",
    draw: (r, n, cur) => numericSide(Float64Array.from({ length: n }, () => normal(r) + (cur ? 0.2 : 0))),
  },
  {
    name: "shift 0.5σ",
    type: "float",
    draw: (r, n, cur) => numericSide(Float64Array.from({ length: n }, () => normal(r) + (cur ? 0.5 : 0))),
  },
  {
    name: "share 20% → 30%",
    type: "string",
    draw: (r, n, cur) => categoricalSide(r, cur ? [0.3, 0.25, 0.3, 0.1, 0.05] : FIVE_LEVELS, n),
  },
  {
    name: "new category at 5%",
    type: "string",
    draw: (r, n, cur) =>
      cur
        ? categoricalSide(r, [...FIVE_LEVELS.map((p) => p * 0.95), 0.05], n, [
            "c0",
            "c1",
            "c2",
            "c3",
            "c4",
            "new",
          ])
        : categoricalSide(r, FIVE_LEVELS, n),
  },
  {
    name: "missing 0 → 10%",
    type: "float",
    draw: (r, n, cur) => {
      const missing = cur ? Math.round(n * 0.1) : 0;
      return numericSide(
        Float64Array.from({ length: n - missing }, () => normal(r)),
        missing,
      );
    },
  },
];

export interface Tally {
  replicates: number;
  /** Datasets with a drift verdict. */
  datasetAlarms: number;
  /** Datasets whose summary is not "pass" (a column drifts, warns or is insufficient). */
  notPass: number;
  /** Per column: drift, and drift or warn. */
  columns: Record<string, { drift: number; flagged: number; insufficient: number }>;
}

/** Runs `replicates` datasets of the given columns, n rows a side, and counts the verdicts. */
export function simulate(columns: Generator[], n: number, replicates: number, seed: number): Tally {
  const random = seededRandom(seed);
  const policy = defaultPolicy();
  const tally: Tally = { replicates, datasetAlarms: 0, notPass: 0, columns: {} };
  for (const c of columns) tally.columns[c.name] = { drift: 0, flagged: 0, insufficient: 0 };
  for (let i = 0; i < replicates; i++) {
    const pairs: ColumnPair[] = columns.map((c) => ({
      name: c.name,
      type: c.type,
      reference: c.draw(random, n, false),
      current: c.draw(random, n, true),
    }));
    const result: DatasetDrift = compareColumns(pairs, policy);
    if (result.drifted) tally.datasetAlarms++;
    if (result.columns.some((c) => c.status !== "stable")) tally.notPass++;
    for (const c of result.columns) {
      const t = tally.columns[c.name];
      if (c.status === "drift") t.drift++;
      if (c.status === "drift" || c.status === "warn") t.flagged++;
      if (c.status === "insufficient") t.insufficient++;
    }
  }
  return tally;
}
