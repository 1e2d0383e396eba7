import { formatShare } from "../report/format.js";
/** 1 − mostly without float noise. */
export function complement(mostly) {
    return +(1 - mostly).toPrecision(12);
}
export function num(v) {
    return v === null || v === undefined ? 0 : Number(v);
}
export function nullableNum(v) {
    return v === null || v === undefined ? null : Number(v);
}
export function showValue(v, type) {
    if (typeof v === "number") {
        if (!Number.isFinite(v))
            return String(v);
        if (type === "date")
            return new Date(v).toISOString().slice(0, 10);
        if (type === "timestamp")
            return new Date(v).toISOString();
    }
    return v;
}
/** k of n as a percentage (report/format.ts formatShare). */
export const pct = (k, n) => formatShare(k, n);
/** A rate as a percentage (report/format.ts formatShare). */
export const pctOf = (x) => formatShare(x);
export function roundTolerance(x) {
    const scale = 10 ** (Math.floor(Math.log10(x)) - 1);
    return +(Math.ceil((x * 1.5) / scale) * scale).toPrecision(2);
}
export function fmtFactor(x) {
    return x >= 100 || x <= 0.01 ? x.toPrecision(4) : x.toFixed(4).replace(/\.?0+$/, "");
}
