import { readFileSync } from "node:fs";
import { fixture } from "../helpers/cli.js";
/** A text column of the fixture (every cell present), as the slicer takes it. */
export function textColumn(name, values) {
    return { name, type: "string", values, valid: new Uint8Array(values.length).fill(1) };
}
/** adult_predictions.csv as columns (the file has no quoted cells). */
export function adultPredictions() {
    const lines = readFileSync(fixture("compat", "adult_predictions.csv"), "utf8").trim().split("\n");
    const n = lines.length - 1;
    const labels = new Uint8Array(n);
    const scoreV1 = new Float64Array(n);
    const scoreV2 = new Float64Array(n);
    const sex = [];
    const race = [];
    for (let i = 0; i < n; i++) {
        const cells = lines[i + 1].split(",");
        labels[i] = Number(cells[1]);
        scoreV1[i] = Number(cells[2]);
        scoreV2[i] = Number(cells[3]);
        sex.push(cells[4]);
        race.push(cells[5]);
    }
    return { labels, scoreV1, scoreV2, sex, race };
}
export const oracles = JSON.parse(readFileSync(fixture("compat", "compat_oracles.json"), "utf8"));
export function close(actual, expected, tolerance = 1e-12) {
    if (actual === null)
        return false;
    return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}
