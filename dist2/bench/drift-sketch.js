/**
 * How far sketch-based drift is from exact drift, measured on flights.
 *
 * For each pair (January vs June; first vs last 1.5M rows) and each numeric column, computes the
 * statistics twice: exactly from the data (DuckDB value counts), and from the profile's quantile
 * sketch alone (the DDSketch, or the time grid for dates, forcing the sketch path even where the
 * profile's exact frequency table would be used). Prints the absolute errors.
 *
 * usage: node dist/bench/drift-sketch.js
 */
import { alignToSketch } from "../src/drift/align.js";
import { numericDrift } from "../src/drift/column.js";
import { numericSample } from "../src/drift/profile-samples.js";
import { readColumnSamples } from "../src/drift/source-samples.js";
import { openSource } from "../src/io/source.js";
import { profileSource } from "../src/profile/sql.js";
const FLIGHTS = "node_modules/vega-datasets/data/flights-3m.parquet";
const PAIRS = [
    [
        "January vs June",
        `SELECT * FROM '${FLIGHTS}' WHERE month(date) = 1`,
        `SELECT * FROM '${FLIGHTS}' WHERE month(date) = 6`,
    ],
    [
        "first vs last 1.5M",
        `SELECT * FROM '${FLIGHTS}' LIMIT 1500000`,
        `SELECT * FROM '${FLIGHTS}' OFFSET 1500000`,
    ],
    [
        "January halves",
        `SELECT * FROM '${FLIGHTS}' WHERE month(date) = 1 AND hash(date, delay, distance, origin, destination) % 2 = 0`,
        `SELECT * FROM '${FLIGHTS}' WHERE month(date) = 1 AND hash(date, delay, distance, origin, destination) % 2 = 1`,
    ],
];
const rows = [];
for (const [label, refSql, curSql] of PAIRS) {
    const ref = await openSource({ sql: refSql });
    const cur = await openSource({ sql: curSql });
    const numeric = ref.columns.filter((c) => c.type !== "string");
    const plan = numeric.map((info) => ({ info, kind: "numeric" }));
    const [exactRef, exactCur] = [await readColumnSamples(ref, plan), await readColumnSamples(cur, plan)];
    const [profRef, profCur] = [await profileSource(ref), await profileSource(cur)];
    for (const info of numeric) {
        const sketchOnly = (p) => {
            const column = structuredClone(p.columns.find((c) => c.name === info.name));
            column.frequencies.exact = false; // force the sketch path
            return numericSample(column);
        };
        const exact = numericDrift(exactRef.get(info.name), exactCur.get(info.name));
        const approx = numericDrift(sketchOnly(profRef), sketchOnly(profCur));
        // what `assay drift data.parquet current.profile.json` does: exact reference, sketched current
        const mixed = numericDrift(...alignToSketch(exactRef.get(info.name), sketchOnly(profCur)));
        rows.push({
            pair: label,
            column: info.name,
            sketch: profRef.columns.find((c) => c.name === info.name).sketch.kind,
            D: exact.ks.statistic,
            "|ΔD|": Math.abs(approx.ks.statistic - exact.ks.statistic),
            p: exact.ks.pValue,
            "p (sketch)": approx.ks.pValue,
            "W/σ": exact.wassersteinNorm,
            "|ΔW/σ| rel": Math.abs(approx.wassersteinNorm - exact.wassersteinNorm) / exact.wassersteinNorm,
            PSI: exact.psi,
            "|ΔPSI|": Math.abs(approx.psi - exact.psi),
            JS: exact.js,
            "|ΔJS|": Math.abs(approx.js - exact.js),
            "|ΔD| data vs profile": Math.abs(mixed.ks.statistic - exact.ks.statistic),
            "|ΔW/σ| rel data vs profile": Math.abs(mixed.wassersteinNorm - exact.wassersteinNorm) / exact.wassersteinNorm,
        });
    }
}
const fmt = (v) => (typeof v === "number" ? Number(v.toPrecision(3)).toString() : v);
console.log(Object.keys(rows[0]).join("\t"));
for (const r of rows)
    console.log(Object.values(r).map(fmt).join("\t"));
