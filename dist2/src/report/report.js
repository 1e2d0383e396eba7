export const ASSAY_VERSION = "0.1.0";
export function makeReport(kind, parts, body = {}, now = new Date()) {
    const results = parts.results ?? [];
    return {
        kind,
        assayVersion: ASSAY_VERSION,
        createdAt: now.toISOString(),
        inputs: parts.inputs,
        config: parts.config,
        results,
        summary: { status: worstStatus(results), ...parts.summary },
        ...body,
    };
}
/** fail beats error beats warn beats pass; "insufficient" counts as a warning for the summary. */
export function worstStatus(results) {
    let worst = "pass";
    const rank = { pass: 0, warn: 1, error: 2, fail: 3 };
    for (const r of results) {
        const s = r.status === "insufficient" ? "warn" : r.status;
        if (rank[s] > rank[worst])
            worst = s;
    }
    return worst;
}
/** Replaces NaN and ±Infinity by null so that JSON output never carries them as strings or nulls by accident. */
export function jsonSafe(value) {
    if (typeof value === "number")
        return Number.isFinite(value) ? value : null;
    if (Array.isArray(value))
        return value.map(jsonSafe);
    if (ArrayBuffer.isView(value))
        return Array.from(value, (v) => jsonSafe(v));
    if (value && typeof value === "object") {
        const out = {};
        for (const [k, v] of Object.entries(value))
            if (v !== undefined)
                out[k] = jsonSafe(v);
        return out;
    }
    return value;
}
