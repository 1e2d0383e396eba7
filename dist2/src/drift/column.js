import { chi2Homogeneity } from "../stats/chi2.js";
import { chi2Pooled, poolSparseColumns } from "../stats/chi2-pooled.js";
import { moments } from "../stats/distribution.js";
import { jensenShannon } from "../stats/jensen-shannon.js";
import { jensenShannonCorrected } from "../stats/jensen-shannon-corrected.js";
import { ksTest } from "../stats/ks.js";
import { ksTiesPValue } from "../stats/ks-ties.js";
import { linf } from "../stats/linf.js";
import { psi } from "../stats/psi.js";
import { wasserstein } from "../stats/wasserstein.js";
import { decileBins, proportions } from "./bins.js";
import { categoryTable } from "./categories.js";
import { missingRate } from "./missing.js";
import { outOfRange } from "./range.js";
import { unseenCategories, unseenFromCounts } from "./unseen.js";
/** Every numeric statistic for one column, from one pass over each sorted distribution. */
export function numericDrift(reference, current) {
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
export function categoricalDrift(reference, current) {
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
function pooledUnseen(u, m) {
    return unseenFromCounts(u.count, u.referenceTotal, m, new Map(u.sizes), u.examples);
}
