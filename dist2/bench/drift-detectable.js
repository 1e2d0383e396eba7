/**
 * Minimum detectable change per n for the default drift policy (docs/drift.md §3.5): the smallest
 * shift flagged as drift in ≥ 80% of replicates, for a category share moving up from 20% (5 levels,
 * the mass taken from the 40% level), a boolean's share moving up from 30%, and a normal mean shift.
 * Run: npx tsc -p . && node dist/bench/drift-detectable.js [replicates]   (default 200)
 */
import { distributionOf } from "../src/stats/distribution.js";
import { categoricalSide, FIVE_LEVELS, simulate } from "../test/drift/simulate.js";
const arg = Number(process.argv[2]);
const replicates = Number.isFinite(arg) && arg > 0 ? arg : 200;
const sizes = [100, 300, 1_000, 3_000, 10_000, 100_000];
function normals(random, n, shift) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        let u = 0;
        while (u === 0)
            u = random.next();
        out[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next()) + shift;
    }
    return out;
}
const families = [
    {
        name: "5-level share 20% → 20% + δ",
        unit: "points",
        deltas: [0.02, 0.03, 0.05, 0.07, 0.1, 0.15],
        make: (d) => ({
            name: "x",
            type: "string",
            draw: (r, n, cur) => categoricalSide(r, cur ? [0.4 - d, 0.25, 0.2 + d, 0.1, 0.05] : FIVE_LEVELS, n),
        }),
    },
    {
        name: "boolean share 30% → 30% + δ",
        unit: "points",
        deltas: [0.02, 0.03, 0.05, 0.07, 0.1, 0.15],
        make: (d) => ({
            name: "x",
            type: "boolean",
            draw: (r, n, cur) => categoricalSide(r, cur ? [0.7 - d, 0.3 + d] : [0.7, 0.3], n, ["false", "true"]),
        }),
    },
    {
        name: "normal mean shift δσ",
        unit: "σ",
        deltas: [0.1, 0.15, 0.2, 0.3, 0.5, 0.8],
        make: (d) => ({
            name: "x",
            type: "float",
            draw: (r, n, cur) => {
                const values = normals(r, n, cur ? d : 0);
                return { kind: "numeric", distribution: distributionOf(values), missing: 0, nonFinite: 0, rows: n };
            },
        }),
    },
];
for (const f of families) {
    console.log(`\n${f.name}: power (drift verdicts / ${replicates}) by δ; MDC = smallest δ with ≥ 80%`);
    for (const n of sizes) {
        const reps = n >= 100_000 ? Math.min(replicates, 50) : replicates;
        const powers = f.deltas.map((d, i) => simulate([f.make(d)], n, reps, 1000 * i + n).columns.x.drift / reps);
        const mdc = f.deltas.find((_, i) => powers[i] >= 0.8);
        console.log(`n ${n}: ${f.deltas.map((d, i) => `${d} ${(100 * powers[i]).toFixed(0)}%`).join(", ")} → MDC ${mdc ?? `> ${f.deltas.at(-1)}`} ${f.unit}`);
    }
}
