/** Loads the scikit-learn / Fairlearn oracle values and the predictions they were computed from. */
import { readFileSync } from "node:fs";
import { fixture } from "../helpers/cli.js";
let cached = null;
export function oraclePredictions() {
    if (cached)
        return cached;
    const lines = readFileSync(fixture("evaluate", "adult_predictions.csv"), "utf8").trim().split("\n");
    const n = lines.length - 1;
    const out = {
        row: new Uint32Array(n),
        label: new Uint8Array(n),
        v1: new Float64Array(n),
        v2: new Float64Array(n),
        sex: new Array(n),
        race: new Array(n),
    };
    for (let i = 0; i < n; i++) {
        const [row, y, s1, s2, sex, race] = lines[i + 1].split(",");
        out.row[i] = Number(row);
        out.label[i] = Number(y);
        out.v1[i] = Number(s1);
        out.v2[i] = Number(s2);
        out.sex[i] = sex;
        out.race[i] = race;
    }
    cached = out;
    return out;
}
export const oracle = JSON.parse(readFileSync(fixture("evaluate", "adult.json"), "utf8"));
export function close(actual, expected, tolerance, what) {
    if (actual === null || actual === undefined || !(Math.abs(actual - expected) <= tolerance))
        throw new Error(`${what}: expected ${expected}, got ${actual} (tolerance ${tolerance})`);
}
