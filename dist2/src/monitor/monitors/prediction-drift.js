import { PREDICTION_COLUMN, SCORE_COLUMN } from "../bucket-summary.js";
import { columnDrift } from "../feature-drift.js";
import { monitorCheck } from "./check.js";
import { column } from "./inputs.js";
import { psiCheck } from "./psi-check.js";
/**
 * prediction_drift: PSI of the window's `@score` (else `@prediction`) against the reference column named by
 * the model's `scoreColumn` (default `score`).
 */
export const predictionDrift = {
    ids: ["prediction_drift"],
    run({ spec, summary, reference, options }) {
        const scoreColumn = spec.scoreColumn === undefined ? "score" : spec.scoreColumn;
        const ref = scoreColumn === null ? undefined : column(reference, scoreColumn);
        const cur = column(summary?.profile, SCORE_COLUMN) ?? column(summary?.profile, PREDICTION_COLUMN);
        if (!ref || !cur || cur.count === 0)
            return [
                monitorCheck("prediction_drift", null, {
                    status: "insufficient",
                    value: null,
                    method: "psi",
                    n: cur?.count ?? 0,
                    message: ref
                        ? "no scores in the window"
                        : `the reference profile has no '${scoreColumn}' column of scores (set scoreColumn on the model)`,
                }),
            ];
        const d = columnDrift({ ...ref, name: cur.name }, cur, options);
        return [psiCheck("prediction_drift", null, d, options, "score distribution: ")];
    },
};
