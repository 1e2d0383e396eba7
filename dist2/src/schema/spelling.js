/** Lower-cases and drops everything that is not a letter or digit. */
export function foldValue(value) {
    return value
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, "");
}
/** The known value an unseen one most likely misspells, or null. */
export function spellingVariantOf(value, known) {
    const lower = value.toLowerCase();
    const caseMatch = known.find((k) => k.toLowerCase() === lower);
    if (caseMatch !== undefined)
        return { value, known: caseMatch, kind: "case" };
    const folded = foldValue(value);
    if (folded.length > 0) {
        const foldMatch = known.find((k) => foldValue(k) === folded);
        if (foldMatch !== undefined)
            return { value, known: foldMatch, kind: "punctuation/whitespace" };
    }
    // Short values need an exact fold: "US" and "UK" are one edit apart and both real.
    const budget = folded.length >= 8 ? 2 : folded.length >= 4 ? 1 : 0;
    if (budget === 0)
        return null;
    let best = null;
    for (const k of known) {
        const d = editDistance(folded, foldValue(k), budget);
        if (d <= budget && (!best || d < best.distance))
            best = { known: k, distance: d };
    }
    return best ? { value, known: best.known, kind: `edit distance ${best.distance}` } : null;
}
/** Damerau–Levenshtein (optimal string alignment) distance, giving up above `limit`. */
export function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => {
        const row = new Array(cols).fill(0);
        row[0] = i;
        return row;
    });
    for (let j = 0; j < cols; j++)
        d[0][j] = j;
    for (let i = 1; i < rows; i++) {
        let rowMin = Number.POSITIVE_INFINITY;
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
            rowMin = Math.min(rowMin, v);
        }
        if (rowMin > limit)
            return limit + 1;
    }
    return d[a.length][b.length];
}
