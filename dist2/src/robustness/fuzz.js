/**
 * Schema-driven fuzzing of a model (`assay fuzz`). The search draws batches of rows from the contract
 * (./fuzz-arbitraries.ts: fast-check's seeded draws decoded a column at a time) and scores each batch,
 * with a copy of every row nudged far below measurement error, in one model call, so fuzzing runs
 * near the model's own speed. A row fails when the model throws on it (crash; a batch that throws is
 * split in halves to find its rows), returns a non-finite score, a probability outside [0, 1], or a
 * score that moves by more than `instability` under the nudge. The first failing row of each kind is
 * then shrunk by fast-check (the row as an example of the row arbitrary): towards valid, simple values,
 * keeping only what the failure needs.
 */
import * as fc from "fast-check";
import { sliceBatch } from "../model/features.js";
import { batchFromRows } from "../table/types.js";
import { columnParts, generateRows, rowArbitrary, } from "./fuzz-arbitraries.js";
export const FUZZ_KINDS = ["crash", "non_finite", "out_of_range", "unstable"];
export async function fuzzModel(model, columns, options) {
    const now = options.now ?? (() => performance.now());
    const started = now();
    const binary = model.metadata.task !== "regression";
    const instability = options.instability ?? 0.05;
    const batchRows = Math.max(1, Math.min(options.batchRows ?? 8192, options.budgetRows));
    const kinds = FUZZ_KINDS.filter((k) => binary || k !== "out_of_range");
    const parts = columns.map((c) => columnParts(c, options.invalid ?? 0.1));
    const nudges = columns.map((c) => nudgeOf(c));
    const infos = columns.map((c) => ({ name: c.name, type: c.type, sourceType: c.type }));
    const counts = new Map();
    const first = new Map();
    let calls = 0;
    let modelMs = 0;
    const score = async (batch) => {
        calls++;
        try {
            return Array.from((await model.predict(batch)).scores);
        }
        catch (error) {
            if (batch.length === 1)
                return [error];
            const half = batch.length >> 1;
            return [
                ...(await score(sliceBatch(batch, 0, half))),
                ...(await score(sliceBatch(batch, half, batch.length))),
            ];
        }
    };
    const share = options.instabilityShare ?? 0.25;
    const judge = async (batch) => {
        const n = batch.length;
        const nudged = Math.min(n, Math.ceil(share * n));
        const scores = await score(withNudged(batch, nudges, nudged));
        return Array.from({ length: n }, (_, i) => classify(scores[i], i < nudged ? scores[i + n] : undefined, binary, instability));
    };
    let rows = 0;
    for (let k = 0; rows < options.budgetRows; k++) {
        if (options.budgetMs !== null && now() - started >= options.budgetMs)
            break;
        const m = Math.min(batchRows, options.budgetRows - rows);
        const batch = generateRows(columns, m, options.seed + 7919 * k, options.invalid ?? 0.1, rows);
        const t = now();
        const outcomes = await judge(batch);
        modelMs += now() - t;
        outcomes.forEach((o, i) => {
            if (o.kind === null)
                return;
            counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
            if (!first.has(o.kind))
                first.set(o.kind, { row: rowOf(batch, i), outcome: o });
        });
        rows += m;
        options.onProgress?.(options.budgetMs !== null
            ? Math.min(1, (now() - started) / options.budgetMs)
            : rows / options.budgetRows);
    }
    const searchSeconds = (now() - started) / 1000;
    const failures = [];
    const arbitrary = rowArbitrary(columns, options.invalid ?? 0.1);
    for (const kind of kinds) {
        const met = first.get(kind);
        if (!met)
            continue;
        let steps = 0;
        const fails = async (row) => {
            steps++;
            const [o] = await judge(batchFromRows(infos, [row]));
            return o.kind === kind;
        };
        const shrink = async (row) => {
            const result = await fc.check(fc.asyncProperty(arbitrary, async (candidate) => !(await fails(candidate))), { examples: [[row]], numRuns: 1, seed: options.seed });
            return result.failed && result.counterexample ? result.counterexample[0] : row;
        };
        let shrunk = await shrink(met.row);
        // Shrinking without fast-check's generation context cannot leave the part a value came from, so a
        // missing, unseen or out-of-range value would stay even where the failure does not need it: try
        // each column at its simplest valid value, keep what still fails, and shrink again from there.
        let filled = false;
        for (const [j, c] of columns.entries()) {
            const simplest = simplestValue(parts[j]);
            if (Object.is(shrunk[c.name], simplest))
                continue;
            const candidate = { ...shrunk, [c.name]: simplest };
            if (await fails(candidate)) {
                shrunk = candidate;
                filled = true;
            }
        }
        if (filled)
            shrunk = await shrink(shrunk);
        const [o] = await judge(batchFromRows(infos, [shrunk]));
        failures.push({
            kind,
            row: shrunk,
            found: met.row,
            score: o.kind === kind ? o.score : met.outcome.score,
            detail: o.kind === kind ? o.detail : met.outcome.detail,
            count: counts.get(kind) ?? 0,
            shrinkSteps: Math.max(0, steps - 1),
        });
    }
    return {
        rows,
        calls,
        seconds: searchSeconds,
        modelSeconds: modelMs / 1000,
        rowsPerSecond: searchSeconds > 0 ? rows / searchSeconds : 0,
        latencyPerRowMs: rows > 0 ? modelMs / (rows * (1 + share)) : 0,
        failures,
        kindsChecked: kinds,
    };
}
function classify(s, t, binary, instability) {
    if (s instanceof Error)
        return { kind: "crash", score: null, detail: (s.message ?? String(s)).split("\n")[0].slice(0, 300) };
    if (!Number.isFinite(s))
        return { kind: "non_finite", score: s, detail: `score ${s}` };
    if (binary && (s < 0 || s > 1))
        return { kind: "out_of_range", score: s, detail: `score ${s} is not a probability` };
    if (typeof t === "number" && Number.isFinite(t) && Math.abs(t - s) > instability)
        return {
            kind: "unstable",
            score: s,
            detail: `score ${s.toPrecision(6)} → ${t.toPrecision(6)} under a nudge of 1e-6 of each numeric column's spread`,
        };
    return { kind: null, score: s, detail: "" };
}
/** A nudge far below measurement error: 1e-6 of the reference 5–95% spread (or of the range, or 1). */
function nudgeOf(c) {
    if (c.type === "string")
        return 0;
    const q = c.reference?.quantiles ?? {};
    const spread = (q["0.95"] ?? Number.NaN) - (q["0.05"] ?? Number.NaN);
    if (Number.isFinite(spread) && spread > 0)
        return 1e-6 * spread;
    const range = (c.range?.max ?? Number.NaN) - (c.range?.min ?? Number.NaN);
    return 1e-6 * (Number.isFinite(range) && range > 0 ? range : 1);
}
/** The batch followed by a nudged copy of its first `m` rows, so both are scored in one call. */
function withNudged(batch, nudges, m) {
    if (m === 0)
        return batch;
    const n = batch.length;
    const columns = batch.columns.map((c, j) => {
        const valid = new Uint8Array(n + m);
        valid.set(c.valid, 0);
        valid.set(c.valid.subarray(0, m), n);
        if (c.type === "string")
            return { ...c, values: [...c.values, ...c.values.slice(0, m)], valid };
        const values = new Float64Array(n + m);
        values.set(c.values, 0);
        const d = nudges[j];
        for (let i = 0; i < m; i++) {
            const x = c.values[i];
            values[n + i] = Number.isFinite(x) ? x + d : x;
        }
        return { ...c, values, valid };
    });
    return { length: n + m, offset: batch.offset, columns };
}
function simplestValue(parts) {
    const p = parts[0];
    if (p.kind === "integer" || p.kind === "double")
        return p.min <= 0 && 0 <= p.max ? 0 : p.min;
    if (p.kind === "constants")
        return p.values[0];
    return "";
}
function rowOf(batch, i) {
    const row = {};
    for (const c of batch.columns)
        row[c.name] = c.valid[i] ? c.values[i] : null;
    return row;
}
