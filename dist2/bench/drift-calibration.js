/**
 * Error rates and power of `assay drift`'s default policy, by simulation (docs/drift.md §3.5).
 * Run: npx tsc -p . && node dist/bench/drift-calibration.js [replicates]   (default 1000 at n ≤ 10,000, 200 at 100,000)
 */
import { ALTERNATIVES, NULL_COLUMNS, simulate } from "../test/drift/simulate.js";
const arg = Number(process.argv[2]);
const sizes = [100, 1_000, 10_000, 100_000];
const reps = (n) => (Number.isFinite(arg) && arg > 0 ? arg : n >= 100_000 ? 200 : 1000);
const pct = (k, of) => `${((100 * k) / of).toFixed(1)}%`;
console.log("No drift: datasets of the 7 columns; per column: flagged (drift or warn) / drift");
for (const n of sizes) {
    const t0 = Date.now();
    const r = reps(n);
    const t = simulate(NULL_COLUMNS, n, r, 7 + n);
    const cols = Object.entries(t.columns)
        .map(([name, c]) => `${name} ${pct(c.flagged, r)}/${pct(c.drift, r)}`)
        .join(", ");
    const raw = Object.entries(t.columns)
        .map(([name, c]) => `${name} ${Object.entries(c.tested)
        .map(([signal, k]) => `${signal} ${pct(c.raw[signal] ?? 0, k)}`)
        .join(" ")}`)
        .join("; ");
    console.log(`n ${n} (${r} datasets, ${((Date.now() - t0) / 1000).toFixed(1)} s): dataset false alarm ${pct(t.datasetAlarms, r)}, summary not pass ${pct(t.notPass, r)}; ${cols}`);
    console.log(`   raw p < 0.05 by signal: ${raw}`);
}
console.log("\nPower (share of replicates where the column drifts), one column per dataset");
for (const alt of ALTERNATIVES) {
    const line = sizes.map((n) => {
        const r = Math.min(reps(n), 400);
        const t = simulate([alt], n, r, 99 + n);
        return `n ${n}: ${pct(t.columns[alt.name].drift, r)}`;
    });
    console.log(`${alt.name}: ${line.join(", ")}`);
}
