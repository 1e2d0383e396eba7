/**
 * The statistics step of `assay drift`, timed on arrays already in memory: the same first/last
 * 1.5M flights rows the SciPy anchor uses. Loads the columns through DuckDB first (not timed).
 *
 * usage: node dist/bench/drift-stats.js REFERENCE.parquet CURRENT.parquet [repeats]
 * prints {"statsSeconds": …, "perColumn": {…}} (best of the repeats)
 */
import { countCategories } from "../src/drift/categories.js";
import { categoricalDrift, numericDrift } from "../src/drift/column.js";
import { openSource } from "../src/io/source.js";
import { distributionOf } from "../src/stats/distribution.js";
import { ksTest } from "../src/stats/ks.js";
async function loadColumns(path) {
    const source = await openSource({ path });
    const parts = [];
    for await (const batch of source.batches())
        parts.push(batch.columns);
    return parts[0].map((first, k) => {
        const length = parts.reduce((n, p) => n + p[k].values.length, 0);
        const valid = new Uint8Array(length);
        let at = 0;
        if (first.type === "string") {
            const values = new Array(length);
            for (const p of parts) {
                const c = p[k];
                valid.set(c.valid, at);
                for (let i = 0; i < c.values.length; i++)
                    values[at + i] = c.values[i];
                at += c.values.length;
            }
            return { name: first.name, type: "string", values, valid };
        }
        const values = new Float64Array(length);
        for (const p of parts) {
            const c = p[k];
            valid.set(c.valid, at);
            values.set(c.values, at);
            at += c.values.length;
        }
        for (let i = 0; i < length; i++)
            if (!valid[i])
                values[i] = Number.NaN;
        return { name: first.name, type: first.type, values, valid };
    });
}
function missingOf(valid) {
    let m = 0;
    for (let i = 0; i < valid.length; i++)
        m += 1 - valid[i];
    return m;
}
const [refPath, curPath, repeatsArg] = process.argv.slice(2);
const [ref, cur] = [await loadColumns(refPath), await loadColumns(curPath)];
const repeats = Number(repeatsArg ?? 5);
let best = Number.POSITIVE_INFINITY;
let bestPerColumn = {};
for (let r = 0; r < repeats; r++) {
    const perColumn = {};
    const started = performance.now();
    for (let k = 0; k < ref.length; k++) {
        const t = performance.now();
        const a = ref[k];
        const b = cur[k];
        if (a.type === "string" && b.type === "string") {
            categoricalDrift({
                kind: "categorical",
                counts: countCategories(a.values),
                missing: missingOf(a.valid),
                rows: a.values.length,
            }, {
                kind: "categorical",
                counts: countCategories(b.values),
                missing: missingOf(b.valid),
                rows: b.values.length,
            });
        }
        else {
            const da = distributionOf(a.values);
            const db = distributionOf(b.values);
            numericDrift({
                kind: "numeric",
                distribution: da,
                missing: missingOf(a.valid),
                nonFinite: 0,
                rows: a.values.length,
            }, {
                kind: "numeric",
                distribution: db,
                missing: missingOf(b.valid),
                nonFinite: 0,
                rows: b.values.length,
            });
        }
        perColumn[a.name] = (performance.now() - t) / 1000;
    }
    const seconds = (performance.now() - started) / 1000;
    if (seconds < best) {
        best = seconds;
        bestPerColumn = perColumn;
    }
}
// KS alone, from the raw arrays (sort or count once, then one merge walk), as ks_2samp does
const ksSeconds = {};
for (let k = 0; k < ref.length; k++) {
    const a = ref[k];
    const b = cur[k];
    if (a.type === "string")
        continue;
    let bestKs = Number.POSITIVE_INFINITY;
    for (let r = 0; r < repeats; r++) {
        const t = performance.now();
        ksTest(distributionOf(a.values), distributionOf(b.values));
        bestKs = Math.min(bestKs, (performance.now() - t) / 1000);
    }
    ksSeconds[a.name] = bestKs;
}
process.stdout.write(`${JSON.stringify({ statsSeconds: best, perColumn: bestPerColumn, ksSeconds })}\n`);
