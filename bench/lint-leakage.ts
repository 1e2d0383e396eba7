/**
 * The leakage screen by simulation (docs/schema.md §8): how often a label-free column with many
 * values reaches the warning (AUC ≥ 0.9) and error (≥ 0.95) lines, out of fold and in sample, and how
 * often a recorded outcome with 3% or 10% flipped is an error. 25% prevalence; --seeds per cell.
 *
 * usage: npx tsc -p . && node dist/bench/lint-leakage.js [--seeds 200]
 */
import { LEAKAGE } from "../src/lint/label.js";
import { inSampleAuc, outOfFoldAuc, simulatedColumn } from "../test/lint/leakage-simulation.js";

const k = process.argv.indexOf("--seeds");
const seeds = k >= 0 ? Number(process.argv[k + 1]) : 200;
const rows = ["column | n | out of fold: max AUC, ≥ 0.9, ≥ 0.95 | in sample: max AUC, ≥ 0.9, ≥ 0.95"];
const cell = (values: number[]) =>
  `${Math.max(...values).toFixed(3)}, ${values.filter((v) => v >= LEAKAGE.aucWarning).length}/${values.length}, ${values.filter((v) => v >= LEAKAGE.aucError).length}/${values.length}`;
for (const n of [200, 2000, 20_000])
  for (const column of [
    { name: "noise, n/100 values", kind: { noise: Math.max(2, n / 100) } },
    { name: "noise, n/2 values", kind: { noise: n / 2 } },
    { name: "noise, 0.85·n values", kind: { noise: Math.round(0.85 * n) } },
    { name: "outcome, 3% flipped", kind: { leak: 0.03 } },
    { name: "outcome, 10% flipped", kind: { leak: 0.1 } },
  ]) {
    const oof: number[] = [];
    const inSample: number[] = [];
    const count = n >= 20_000 ? Math.min(seeds, 50) : seeds;
    for (let seed = 1; seed <= count; seed++) {
      const cells = simulatedColumn(column.kind, n, seed);
      oof.push(outOfFoldAuc(cells));
      inSample.push(inSampleAuc(cells));
    }
    rows.push(`${column.name} | ${n} | ${cell(oof)} | ${cell(inSample)}`);
  }
console.log(rows.join("\n"));
