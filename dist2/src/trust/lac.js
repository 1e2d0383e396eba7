/**
 * LAC (least ambiguous set-valued classifier, Sadinle, Lei & Wasserman 2019): the nonconformity of
 * class c is 1 − p(c | x), so a set holds every class with p(c | x) ≥ 1 − qhat. MAPIE calls it "lac".
 * Returns the n × k matrix of every row's score for every candidate class.
 */
import { classCount, rowCount } from "./classifier-output.js";
export function lacNonconformity(output) {
    const n = rowCount(output);
    const k = classCount(output);
    const out = new Float64Array(n * k);
    if (output.kind === "binary") {
        // 1 − p(negative) is written as s itself: 1 − (1 − s) is not always s in floating point, and a
        // last-bit difference would move rows across qhat.
        for (let i = 0; i < n; i++) {
            out[2 * i] = output.scores[i];
            out[2 * i + 1] = 1 - output.scores[i];
        }
        return out;
    }
    for (let j = 0; j < out.length; j++)
        out[j] = 1 - output.probabilities[j];
    return out;
}
