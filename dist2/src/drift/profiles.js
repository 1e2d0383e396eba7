import { alignCategories, alignToSketch } from "./align.js";
import { decileBins } from "./bins.js";
import { categoryTable } from "./categories.js";
import { defaultPolicy, resolveRule } from "./policy.js";
import { categoricalSample, numericSample } from "./profile-samples.js";
import { compareColumns } from "./verdict.js";
/**
 * Drift between two saved profiles, for the monitoring service and the browser: no data, only the
 * mergeable sketches (a window is the merge of its buckets). Columns present in both profiles are
 * compared; statistics are exact where the profiles' frequency tables are exact and within the
 * sketch error otherwise (docs/drift.md §5).
 */
export function compareProfiles(reference, current, policy = defaultPolicy(), columns) {
    const pairs = [];
    for (const ref of reference.columns) {
        if (columns && !columns.includes(ref.name))
            continue;
        const cur = current.columns.find((c) => c.name === ref.name);
        if (!cur)
            continue;
        const kind = resolveRule(policy, ref.name, ref.type).kind;
        const sample = kind === "numeric" ? numericSample : categoricalSample;
        pairs.push({ name: ref.name, type: ref.type, reference: sample(ref), current: sample(cur) });
    }
    return compareColumns(pairs, policy);
}
/**
 * The bins of one column of two profiles that PSI is computed on — reference deciles for a numeric
 * column, the union of categories for a categorical one — made from the same samples, alignment and
 * binning as compareProfiles, so a statistic over them equals the one `assay drift` reports
 * (`stats.psi`, `stats.bins`, categorical `stats.chi2`).
 */
export function profileBins(reference, current, kind) {
    if (kind === "numeric") {
        const [r, c] = alignToSketch(numericSample(reference), numericSample(current));
        return decileBins(r.distribution, c.distribution);
    }
    const [r, c] = alignCategories(categoricalSample(reference), categoricalSample(current));
    return categoryTable(r.counts, c.counts);
}
