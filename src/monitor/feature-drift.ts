import gammainc from "@stdlib/math-base-special-gammainc";
import type { ColumnProfile } from "../profile/types.js";
import { sketchCdf, sketchQuantile } from "../sketch/quantiles.js";

/**
 * Drift of one column between a reference profile and a current (window) profile, computed from the
 * profiles alone (sketches and frequency tables), so a window never needs its raw rows.
 *
 * Bins: a numeric column with an exact reference frequency table of at most MAX_DISCRETE values is
 * treated as categorical on its values; otherwise bins are cut at the reference deciles (estimated from
 * the reference sketch), with the two outer bins open (−∞, q0.1] and (q0.9, +∞) so that values beyond the
 * reference range land in an overflow bin. Categorical bins are the reference categories plus one
 * "unseen" bin. Missing values are not binned; their rate is its own monitor.
 *
 * Score: PSI = Σ (c_i − r_i)·ln(c_i / r_i) with proportions floored at PSI_FLOOR (natural log).
 * Test: chi-square homogeneity on the 2×k table of counts (df = k − 1 over non-empty bins), p from the
 * upper regularized incomplete gamma function.
 * Verdict: drifted when PSI ≥ psiThreshold AND p < alpha — the effect size keeps huge windows from
 * flagging trivia, the test keeps tiny windows from flagging noise.
 */
export const PSI_FLOOR = 1e-4;
export const MAX_DISCRETE = 30;
export const DEFAULT_PSI_THRESHOLD = 0.2;
export const DEFAULT_ALPHA = 0.01;

export interface ColumnDrift {
  column: string;
  method: "psi";
  kind: "numeric" | "categorical";
  score: number | null;
  pValue: number | null;
  statistic: number | null;
  bins: number;
  referenceCount: number;
  currentCount: number;
  drifted: boolean;
  /** Why the score is null, when it is. */
  reason?: string;
}

interface Bins {
  labels: string[];
  reference: number[];
  current: number[];
  kind: "numeric" | "categorical";
}

export function columnDrift(
  reference: ColumnProfile,
  current: ColumnProfile,
  options: { psiThreshold?: number; alpha?: number } = {},
): ColumnDrift {
  const psiThreshold = options.psiThreshold ?? DEFAULT_PSI_THRESHOLD;
  const alpha = options.alpha ?? DEFAULT_ALPHA;
  const base = {
    column: reference.name,
    method: "psi" as const,
    referenceCount: reference.count,
    currentCount: current.count,
  };
  const bins = binsOf(reference, current);
  if (!bins)
    return {
      ...base,
      kind: reference.type === "string" ? "categorical" : "numeric",
      score: null,
      pValue: null,
      statistic: null,
      bins: 0,
      drifted: false,
      reason: "no comparable values in the reference or the window",
    };
  const rTotal = sum(bins.reference);
  const cTotal = sum(bins.current);
  if (rTotal === 0 || cTotal === 0)
    return {
      ...base,
      kind: bins.kind,
      score: null,
      pValue: null,
      statistic: null,
      bins: bins.labels.length,
      drifted: false,
      reason: rTotal === 0 ? "the reference has no values" : "the window has no values",
    };
  const score = psi(bins.reference, bins.current);
  const { statistic, pValue } = chiSquareHomogeneity(bins.reference, bins.current);
  return {
    ...base,
    kind: bins.kind,
    score,
    pValue,
    statistic,
    bins: bins.labels.length,
    drifted: score >= psiThreshold && pValue !== null && pValue < alpha,
  };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** PSI between two count vectors (normalised here), proportions floored at PSI_FLOOR. */
export function psi(reference: number[], current: number[]): number {
  const rTotal = sum(reference);
  const cTotal = sum(current);
  let total = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] / rTotal, PSI_FLOOR);
    const c = Math.max(current[i] / cTotal, PSI_FLOOR);
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

/** Pearson's chi-square test of homogeneity on a 2×k table (scipy.stats.chi2_contingency without correction). */
export function chiSquareHomogeneity(a: number[], b: number[]): { statistic: number; pValue: number | null } {
  const na = sum(a);
  const nb = sum(b);
  const n = na + nb;
  let statistic = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    const col = a[i] + b[i];
    if (col <= 0) continue;
    k++;
    const ea = (na * col) / n;
    const eb = (nb * col) / n;
    statistic += (a[i] - ea) ** 2 / ea + (b[i] - eb) ** 2 / eb;
  }
  if (k < 2) return { statistic: 0, pValue: 1 };
  return { statistic, pValue: gammainc(statistic / 2, (k - 1) / 2, true, true) };
}

function binsOf(reference: ColumnProfile, current: ColumnProfile): Bins | null {
  const discrete =
    reference.type === "string" ||
    reference.type === "boolean" ||
    (reference.frequencies?.exact && Object.keys(reference.frequencies.counts).length <= MAX_DISCRETE);
  if (discrete) return categoricalBins(reference, current);
  if (!reference.sketch || !current.sketch) return null;
  return numericBins(reference, current);
}

function categoricalBins(reference: ColumnProfile, current: ColumnProfile): Bins {
  const ref = reference.frequencies?.counts ?? {};
  const cur = current.frequencies?.counts ?? {};
  const numeric = reference.type !== "string";
  // Numbers are keyed by their JS string form on both sides; booleans by 0/1 in numeric columns.
  const key = (k: string) => (numeric ? String(Number(k)) : k);
  const labels = Object.keys(ref).map(key);
  const index = new Map(labels.map((l, i) => [l, i]));
  const referenceCounts = Object.values(ref);
  const currentCounts = new Array(labels.length + 1).fill(0);
  for (const [k, c] of Object.entries(cur)) {
    const i = index.get(key(k));
    if (i === undefined) currentCounts[labels.length] += c;
    else currentCounts[i] += c;
  }
  // Values the current frequency table lost to its capacity count as unseen (a Space-Saving table over capacity).
  const tracked = sum(currentCounts);
  if (current.count > tracked) currentCounts[labels.length] += current.count - tracked;
  return {
    labels: [...labels, "(unseen)"],
    reference: [...referenceCounts, 0],
    current: currentCounts,
    kind: "categorical",
  };
}

function numericBins(reference: ColumnProfile, current: ColumnProfile): Bins | null {
  const edges: number[] = [];
  for (let q = 1; q <= 9; q++) {
    const e = sketchQuantile(reference.sketch!, q / 10);
    if (e !== null && (edges.length === 0 || e > edges[edges.length - 1])) edges.push(e);
  }
  if (edges.length === 0) return null;
  const proportions = (profile: ColumnProfile) => {
    const cdf = edges.map((e) => sketchCdf(profile.sketch!, e));
    const out: number[] = [];
    let prev = 0;
    for (const c of cdf) {
      out.push(Math.max(0, c - prev));
      prev = c;
    }
    out.push(Math.max(0, 1 - prev));
    return out;
  };
  const finite = (p: ColumnProfile) => p.moments?.n ?? 0;
  const rn = finite(reference);
  const cn = finite(current);
  if (rn === 0 || cn === 0) return null;
  const labels = [...edges.map((e) => `≤${e}`), `>${edges[edges.length - 1]}`];
  return {
    labels,
    reference: proportions(reference).map((p) => p * rn),
    current: proportions(current).map((p) => p * cn),
    kind: "numeric",
  };
}
