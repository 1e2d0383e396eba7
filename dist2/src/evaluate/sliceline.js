import { budgetedResamples } from "./estimate.js";
import { popcount, tablePredicates } from "./predicates.js";
import { andBits, describeSlice, errorBits } from "./slices.js";
/** See SliceLineOptions.sliceAlpha for why not 0.5. */
export const DEFAULT_SLICE_ALPHA = 0.95;
export function sliceLine(table, columns, scores, labels, threshold, options = {}) {
    const alpha = options.sliceAlpha ?? DEFAULT_SLICE_ALPHA;
    const minSupport = options.minSupport ?? 32;
    const maxLevel = options.maxLevel ?? 3;
    const k = options.topK ?? 10;
    const n = labels.length;
    const errors = errorBits(scores, labels, threshold);
    const meanError = errors.errors / n;
    const base = { columns, alpha, minSupport, maxLevel };
    if (errors.errors === 0 || n === 0)
        return { slices: [], examined: 0, ...base };
    const predicates = tablePredicates(table, columns, options);
    const score = (size, err) => alpha * (err / size / meanError - 1) - (1 - alpha) * (n / size - 1);
    const upperBound = (sizeUb, errorUb) => {
        let best = Number.NEGATIVE_INFINITY;
        for (const s of [minSupport, Math.max(minSupport, errorUb), sizeUb])
            if (s >= minSupport && s <= sizeUb)
                best = Math.max(best, score(s, Math.min(errorUb, s)));
        return best;
    };
    const top = [];
    const bar = () => (top.length < k ? 0 : top[top.length - 1].score);
    const offer = (c) => {
        if (!(c.score > 0) || (top.length >= k && c.score <= bar()))
            return;
        top.push(c);
        top.sort((a, b) => b.score - a.score || a.ids.length - b.ids.length);
        if (top.length > k)
            top.pop();
    };
    let examined = 0;
    const evaluate = (ids, rows) => {
        examined++;
        const size = popcount(rows);
        const err = size === 0 ? 0 : popcount(andBits(rows, errors.bits));
        return { ids, rows, size, errors: err, score: size === 0 ? Number.NEGATIVE_INFINITY : score(size, err) };
    };
    let level = [];
    predicates.forEach((p, id) => {
        if (p.size < minSupport)
            return;
        const c = evaluate([id], p.rows);
        if (c.errors > 0) {
            level.push(c);
            offer(c);
        }
    });
    for (let depth = 2; depth <= maxLevel && level.length > 1; depth++) {
        const known = new Map(level.map((c) => [c.ids.join(","), c]));
        // Parents that cannot lead anywhere better than the current top k are not extended.
        const parents = level.filter((c) => upperBound(c.size, c.errors) > bar());
        const buckets = new Map();
        for (const c of parents) {
            const key = c.ids.slice(0, -1).join(",");
            const list = buckets.get(key);
            if (list)
                list.push(c);
            else
                buckets.set(key, [c]);
        }
        const next = [];
        for (const list of buckets.values()) {
            list.sort((a, b) => a.ids[a.ids.length - 1] - b.ids[b.ids.length - 1]);
            for (let a = 0; a < list.length; a++)
                for (let b = a + 1; b < list.length; b++) {
                    const last = list[b].ids[list[b].ids.length - 1];
                    const prev = list[a].ids[list[a].ids.length - 1];
                    if (predicates[last].columnIndex === predicates[prev].columnIndex)
                        continue;
                    if (list[a].ids.some((id) => predicates[id].columnIndex === predicates[last].columnIndex))
                        continue;
                    const ids = [...list[a].ids, last];
                    // Apriori: every sub-slice one predicate shorter must have survived.
                    let sizeUb = Number.POSITIVE_INFINITY;
                    let errorUb = Number.POSITIVE_INFINITY;
                    let ok = true;
                    for (let drop = 0; drop < ids.length && ok; drop++) {
                        const sub = known.get(ids.filter((_, j) => j !== drop).join(","));
                        if (!sub)
                            ok = false;
                        else {
                            sizeUb = Math.min(sizeUb, sub.size);
                            errorUb = Math.min(errorUb, sub.errors);
                        }
                    }
                    if (!ok || sizeUb < minSupport || upperBound(sizeUb, errorUb) <= bar())
                        continue;
                    const c = evaluate(ids, andBits(list[a].rows, predicates[last].rows));
                    if (c.size >= minSupport && c.errors > 0) {
                        next.push(c);
                        // A predicate that removes no rows from a parent adds words, not information.
                        // (sizeUb is the smallest sub-slice: equal size means equal rows.)
                        if (c.size < sizeUb)
                            offer(c);
                    }
                }
        }
        level = next;
    }
    const visits = top.reduce((sum, c) => sum + c.size, 0);
    const budget = { ...options, resamples: budgetedResamples(options, visits) };
    const slices = top.map((c) => ({
        ...describeSlice(c.ids.map((id) => predicates[id].label), c.rows, scores, labels, threshold, errors, examined, budget),
        score: c.score,
    }));
    return { slices, examined, ...base };
}
