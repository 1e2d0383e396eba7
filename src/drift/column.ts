import { type Chi2Result, chi2Homogeneity } from "../stats/chi2.js";
import { chi2Pooled, poolSparseColumns } from "../stats/chi2-pooled.js";
import { moments } from "../stats/distribution.js";
import { jensenShannon } from "../stats/jensen-shannon.js";
import { jensenShannonCorrected } from "../stats/jensen-shannon-corrected.js";
import { type KsResult, ksTest } from "../stats/ks.js";
import { type KsTiesResult, ksTiesPValue } from "../stats/ks-ties.js";
import { linf } from "../stats/linf.js";
import { psi } from "../stats/psi.js";
import { wasserstein } from "../stats/wasserstein.js";
import { decileBins, proportions } from "./bins.js";
import { categoryTable } from "./categories.js";
import { type MissingRateResult, missingRate } from "./missing.js";
import { outOfRange, type RangeResult } from "./range.js";
import type { CategoricalSample, NumericSample } from "./sample.js";
import { type UnseenResult, unseenCategories, unseenFromCounts } from "./unseen.js";

export interface NumericStats {
  /** SciPy's two-sample KS (its p-value assumes continuous data). */
  ks: KsResult;
  /** For heavily tied data: the permutation p-value that the verdict uses instead (null otherwise). */
  ksTies: KsTiesResult | null;
  wasserstein: number;
  /** Wasserstein / σ_ref with ddof = 0 (Evidently's "Wasserstein distance (normed)"); null when σ_ref = 0. */
  wassersteinNorm: number;
  psi: number;
  js: number;
  /** JS with the small-sample bias removed (src/stats/jensen-shannon-corrected.ts), on the same bins. */
  jsCorrected: number;
  missingRate: MissingRateResult;
  /** Share of NaN/±Inf among all rows, tested like the missing rate. */
  nonFiniteRate: MissingRateResult;
  outOfRange: RangeResult;
  /** The reference-decile bins behind PSI and JS. */
  bins: { edges: number[]; reference: number[]; current: number[] };
  reference: { n: number; mean: number; std: number };
  current: { n: number; mean: number; std: number };
}

export interface CategoricalStats {
  /** χ² homogeneity on the full table (scipy.stats.chi2_contingency). */
  chi2: Chi2Result;
  /** The test the verdict uses: χ² after pooling sparse categories (`pooled` of them merged into one). */
  chi2Pooled: Chi2Result & { pooled: number };
  psi: number;
  js: number;
  /** Bias-corrected JS on the table the χ² test used (sparse categories pooled): the default effect. */
  jsCorrected: number;
  linf: number;
  unseen: UnseenResult;
  missingRate: MissingRateResult;
  /** Up to 50 categories with the largest frequency change, for reports and charts. */
  categories: { value: string; reference: number; current: number }[];
  reference: { n: number; distinct: number };
  current: { n: number; distinct: number };
}

/** Every numeric statistic for one column, from one pass over each sorted distribution. */
export function numericDrift(reference: NumericSample, current: NumericSample): NumericStats {
  const ref = reference.distribution;
  const cur = current.distribution;
  const refMoments = moments(ref);
  const curMoments = moments(cur);
  const w = wasserstein(ref, cur);
  const bins = decileBins(ref, cur);
  const empty = ref.total === 0 || cur.total === 0;
  const ks = ksTest(ref, cur);
  return {
    ks,
    ksTies: ksTiesPValue(ref, cur, ks.pValue),
    wasserstein: w,
    wassersteinNorm: refMoments.std > 0 ? w / refMoments.std : Number.NaN,
    psi: empty ? Number.NaN : psi(bins.reference, bins.current),
    js: empty ? Number.NaN : jensenShannon(bins.reference, bins.current),
    jsCorrected: empty ? Number.NaN : jensenShannonCorrected(bins.reference, bins.current),
    missingRate: missingRate(reference.missing, reference.rows, current.missing, current.rows),
    nonFiniteRate: missingRate(reference.nonFinite, reference.rows, current.nonFinite, current.rows),
    outOfRange: outOfRange(ref, cur),
    bins,
    reference: { n: ref.total, ...refMoments },
    current: { n: cur.total, ...curMoments },
  };
}

/** Every categorical statistic for one column, over the union of categories. */
export function categoricalDrift(reference: CategoricalSample, current: CategoricalSample): CategoricalStats {
  const table = categoryTable(reference.counts, current.counts);
  const pRef = proportions(table.reference);
  const pCur = proportions(table.current);
  const nRef = table.reference.reduce((a, b) => a + b, 0);
  const nCur = table.current.reduce((a, b) => a + b, 0);
  const empty = nRef === 0 || nCur === 0;
  const changes = table.categories
    .map((value, i) => ({ value, reference: pRef[i], current: pCur[i] }))
    .sort((a, b) => Math.abs(b.current - b.reference) - Math.abs(a.current - a.reference))
    .slice(0, 50);
  const pooled = poolSparseColumns(table.reference, table.current);
  return {
    chi2: chi2Homogeneity(table.reference, table.current),
    chi2Pooled: chi2Pooled(table.reference, table.current),
    psi: empty ? Number.NaN : psi(table.reference, table.current),
    js: empty ? Number.NaN : jensenShannon(table.reference, table.current),
    jsCorrected: empty ? Number.NaN : jensenShannonCorrected(pooled.reference, pooled.current),
    linf: empty ? Number.NaN : linf(pRef, pCur),
    unseen: current.unseen
      ? pooledUnseen(current.unseen, nCur)
      : unseenCategories(reference.counts, current.counts),
    missingRate: missingRate(reference.missing, reference.rows, current.missing, current.rows),
    categories: changes,
    reference: { n: nRef, distinct: reference.counts.size },
    current: { n: nCur, distinct: current.counts.size },
  };
}

function pooledUnseen(u: NonNullable<CategoricalSample["unseen"]>, m: number): UnseenResult {
  return unseenFromCounts(u.count, u.referenceTotal, m, new Map(u.sizes), u.examples);
}
