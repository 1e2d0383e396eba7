import { unseenTest } from "./unseen-test.js";
/**
 * Unseen categories as a drift signal: share = current values in categories absent from the
 * reference / m, tested by the exact conditional (permutation) test of `unseen-test.ts`.
 */
export function unseenCategories(reference, current) {
    let n = 0;
    const sizes = new Map();
    const add = (c) => sizes.set(c, (sizes.get(c) ?? 0) + 1);
    for (const [value, c] of reference) {
        n += c;
        add(c + (current.get(value) ?? 0));
    }
    let m = 0;
    let count = 0;
    const unseen = [];
    for (const [value, c] of current) {
        m += c;
        if (!reference.has(value)) {
            count += c;
            unseen.push({ value, count: c });
            add(c);
        }
    }
    unseen.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return unseenFromCounts(count, n, m, sizes, unseen.slice(0, 5));
}
/**
 * The same result from counts alone: unseen count, both sides' sizes, and the pooled category sizes
 * (size → number of categories of that size), as the SQL reader computes them over all categories.
 */
export function unseenFromCounts(count, n, m, sizes, examples) {
    const test = unseenTest(count, n, m, sizes);
    return {
        share: m > 0 ? count / m : Number.NaN,
        count,
        expectedShare: m > 0 ? test.expected / m : Number.NaN,
        pValue: test.pValue,
        method: test.method,
        examples,
    };
}
