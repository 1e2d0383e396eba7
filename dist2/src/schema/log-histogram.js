/**
 * Quantiles of a batch column from a log-bucket histogram computed in the validation scan
 * (DuckDB's `histogram()` over bucket keys), instead of an exact `quantile_cont`, which sorts every
 * column and cost more than the rest of the scan together on flights-3m. Buckets are
 * DDSketch-style: key k holds |x| in (γ^(k−1), γ^k], represented by 2γ^k/(γ+1), so any quantile is
 * within a relative error (γ−1)/(γ+1) ≈ 0.25% of a value of the column for γ = 1.005 — ample
 * for recognising a unit change against reference quantiles that are themselves sketch values.
 */
export const LOG_GAMMA = 1.005;
/** SQL for the bucket key of a finite non-zero value `v`: 2·k + (1 if v > 0 else 0). */
export function bucketKeySql(v) {
    // The CASE keeps ln() away from 0 and ±Inf: DuckDB evaluates it before the aggregate's FILTER.
    const safe = `CASE WHEN isfinite(${v}) AND ${v} <> 0 THEN abs(${v}) ELSE 1 END`;
    return `(2 * ceil(ln(${safe}) / ${Math.log(LOG_GAMMA)})::BIGINT + CASE WHEN ${v} > 0 THEN 1 ELSE 0 END)`;
}
/** Quantiles (q in [0, 1]) from bucket counts and the number of exact zeros; null when empty. */
export function logHistogramQuantiles(buckets, zeros, qs) {
    const negative = [];
    const positive = [];
    for (const [key, n] of Object.entries(buckets)) {
        const code = Number(key);
        const sign = ((code % 2) + 2) % 2;
        const k = (code - sign) / 2;
        (sign === 1 ? positive : negative).push({ k, n });
    }
    negative.sort((a, b) => b.k - a.k); // most negative first
    positive.sort((a, b) => a.k - b.k);
    const represent = (k) => (2 * LOG_GAMMA ** k) / (LOG_GAMMA + 1);
    const ordered = [
        ...negative.map((b) => ({ value: -represent(b.k), n: b.n })),
        ...(zeros > 0 ? [{ value: 0, n: zeros }] : []),
        ...positive.map((b) => ({ value: represent(b.k), n: b.n })),
    ];
    const total = ordered.reduce((s, b) => s + b.n, 0);
    if (total === 0)
        return qs.map(() => null);
    return qs.map((q) => {
        const rank = q * (total - 1);
        let seen = 0;
        for (const b of ordered) {
            seen += b.n;
            if (seen > rank)
                return b.value;
        }
        return ordered[ordered.length - 1].value;
    });
}
