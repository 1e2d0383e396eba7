/** Durations and windows. A window [from, to) is the merge of the buckets that start inside it. */
export const NAMED_WINDOWS = {
    "5m": 5 * 60_000,
    "1h": 3_600_000,
    "1d": 86_400_000,
};
const UNITS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
/** Parses "90s", "5m", "1h", "1d", "2w", "250ms" (or a bare number of ms) into milliseconds; null if invalid. */
export function parseDuration(text, options = {}) {
    // A duration longer than the span of dates (8.64e15 ms each side of 1970) has no window to describe.
    const fits = (value) => (value > 0 || (options.allowZero === true && value === 0)) && value <= 2 * 8.64e15;
    if (typeof text === "number")
        return Number.isFinite(text) && fits(text) ? text : null;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/.exec(text);
    if (!m)
        return null;
    const value = Number(m[1]) * UNITS[m[2] ?? "ms"];
    return fits(value) ? value : null;
}
/** Parses a timestamp: epoch milliseconds (number) or an ISO 8601 string. Null when invalid. */
export function parseTimestamp(value) {
    if (typeof value === "number")
        return Number.isFinite(value) ? value : null;
    if (typeof value === "string" && value.trim() !== "") {
        if (/^-?\d+(\.\d+)?$/.test(value.trim()))
            return Number(value);
        const t = Date.parse(value);
        return Number.isNaN(t) ? null : t;
    }
    return null;
}
export function bucketStart(timestamp, bucketMs) {
    return Math.floor(timestamp / bucketMs) * bucketMs;
}
/** Window bounds snapped outward to bucket boundaries, so a window is a whole number of buckets. */
export function snapWindow(from, to, bucketMs) {
    return { from: bucketStart(from, bucketMs), to: Math.ceil(to / bucketMs) * bucketMs };
}
