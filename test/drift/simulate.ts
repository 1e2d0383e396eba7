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

/** n standard normal draws (Box–Muller, both halves of each pair used), plus a shift. */
function normals(random: Random, n: number, shift = 0): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    let u = 0;
    while (u === 0) u = random.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random.next();
    out[i] = radius * Math.cos(angle) + shift;
    if (i + 1 < n) out[i + 1] = radius * Math.sin(angle) + shift;
  }
  return out;
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

/** n Poisson(λ) draws by inversion of the CDF. */
function poissons(random: Random, n: number, lambda: number): Float64Array {
  const cdf: number[] = [];
  let p = Math.exp(-lambda);
  let s = 0;
  for (let k = 0; s < 1 - 1e-16 && k < 1000; k++) {
    s += p;
    cdf.push(s);
    p *= lambda / (k + 1);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = random.next();
    let k = 0;
    while (k < cdf.length - 1 && u >= cdf[k]) k++;
    out[i] = k;
  }
  return out;
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
    draw: (r, n) => numericSide(normals(r, n)),
  },
  {
    name: "lognormal",
    type: "float",
    draw: (r, n) => numericSide(normals(r, n).map(Math.exp)),
  },
  {
    name: "poisson",
    type: "integer",
    draw: (r, n) => numericSide(poissons(r, n, 4)),
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
    draw: (r, n, cur) => numericSide(normals(r, n, cur ? 0.2 : 0)),
  },
  {
    name: "shift 0.5σ",
    type: "float",
    draw: (r, n, cur) => numericSide(normals(r, n, cur ? 0.5 : 0)),
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
      return numericSide(normals(r, n - missing), missing);
    },
  },
];

export interface Tally {
  replicates: number;
  /** Datasets with a drift verdict. */
  datasetAlarms: number;
  /** Datasets whose summary is not "pass" (a column drifts, warns or is insufficient). */
  notPass: number;
  /** Per column: drift, drift or warn, insufficient, and per signal the raw (uncorrected) p < α count. */
  columns: Record<
    string,
    {
      drift: number;
      flagged: number;
      insufficient: number;
      raw: Record<string, number>;
      tested: Record<string, number>;
    }
  >;
}

/** Runs `replicates` datasets of the given columns, n rows a side, and counts the verdicts. */
export function simulate(columns: Generator[], n: number, replicates: number, seed: number): Tally {
  const random = seededRandom(seed);
  const policy = defaultPolicy();
  const tally: Tally = { replicates, datasetAlarms: 0, notPass: 0, columns: {} };
  for (const c of columns)
    tally.columns[c.name] = { drift: 0, flagged: 0, insufficient: 0, raw: {}, tested: {} };
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
      for (const s of c.signals) {
        if (Number.isNaN(s.pValue)) continue;
        t.tested[s.signal] = (t.tested[s.signal] ?? 0) + 1;
        if (s.pValue < policy.alpha) t.raw[s.signal] = (t.raw[s.signal] ?? 0) + 1;
      }
    }
  }
  return tally;
}
