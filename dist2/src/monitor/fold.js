import { summarize } from "./bucket-summary.js";
/** Turns raw rows into one summary per bucket, and picks the rows each part keeps as its sample. */
export function planFold(spec, rows, facts, sampleSize) {
    const byBucket = new Map();
    for (const r of rows) {
        const list = byBucket.get(r.bucket);
        if (list)
            list.push(r);
        else
            byBucket.set(r.bucket, [r]);
    }
    const parts = [];
    const keepAsSample = [];
    for (const [bucket, list] of byBucket) {
        parts.push({ bucket, rows: list.length, summary: summarize(spec, list, facts) });
        // The sample keeps the first rows folded into each bucket part (bounded per part; see docs/monitor.md).
        for (const r of list.slice(0, sampleSize))
            keepAsSample.push(r.id);
    }
    return { parts, keepAsSample };
}
