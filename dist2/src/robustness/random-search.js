import { predictTable } from "../model/predict.js";
import { seededRandom } from "../stats/random.js";
import { mutableFeatures, shiftedRows } from "./adversarial.js";
export async function randomSearch(model, data, features, targets, options) {
    const { numeric } = mutableFeatures(data, features, options.immutable);
    const p = numeric.length;
    const random = seededRandom(options.seed);
    const base = (await predictTable(model, data)).scores;
    const spent = new Float64Array(targets.length);
    const done = new Uint8Array(targets.length);
    const perRound = 16;
    let flips = 0;
    for (let round = 0; round * perRound < options.budget; round++) {
        const open = targets.map((_, k) => k).filter((k) => !done[k]);
        if (open.length === 0)
            break;
        const take = Math.min(perRound, options.budget - round * perRound);
        const rows = open.flatMap((k) => Array.from({ length: take }, () => targets[k].row));
        const signs = Float64Array.from({ length: rows.length * p }, () => (random.next() < 0.5 ? -1 : 1));
        const batch = shiftedRows(data, rows, numeric, (r, j) => signs[r * p + j] * targets[open[Math.floor(r / take)]].radius);
        const scores = (await predictTable(model, batch)).scores;
        open.forEach((k, o) => {
            const i = targets[k].row;
            const positive = base[i] >= options.threshold;
            for (let c = 0; c < take; c++) {
                spent[k]++;
                const s = scores[o * take + c];
                if (Number.isFinite(s) && s >= options.threshold !== positive) {
                    done[k] = 1;
                    flips++;
                    break;
                }
            }
        });
    }
    let queries = 0;
    for (const q of spent)
        queries += q;
    return { rows: targets.length, flips, queries, callsPerFlip: flips > 0 ? queries / flips : null };
}
