export function categoryTable(reference, current) {
    const union = new Set(reference.keys());
    for (const key of current.keys())
        union.add(key);
    // UTF-16 order equals code-point order unless a string holds a surrogate pair; the native sort is
    // much faster on a million categories, so the comparator is used only when it matters.
    const categories = [...union].sort();
    if (categories.some((c) => /[\uD800-\uDFFF]/.test(c)))
        categories.sort(compareCodePoints);
    return {
        categories,
        reference: categories.map((c) => reference.get(c) ?? 0),
        current: categories.map((c) => current.get(c) ?? 0),
    };
}
/** Python's string order (by code point), so category lists match SciPy/pandas output. */
export function compareCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.codePointAt(i);
        const y = b.codePointAt(i);
        if (x !== y)
            return x - y;
        if (x > 0xffff)
            i++;
    }
    return a.length - b.length;
}
/** Counts the non-null strings of a column (one Map lookup per value: the boxed counter is bumped in place). */
export function countCategories(values) {
    const boxes = new Map();
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === null)
            continue;
        const box = boxes.get(v);
        if (box === undefined)
            boxes.set(v, { n: 1 });
        else
            box.n++;
    }
    const counts = new Map();
    for (const [k, box] of boxes)
        counts.set(k, box.n);
    return counts;
}
