/**
 * Selective prediction for `assay conformal`: risk–coverage curves under each way of ranking rows by
 * trust, and the abstention each needs to reach a target error. Classification's risk is the error
 * rate of the predicted class; regression's is the mean absolute error (no distribution-free bound
 * exists for it, so its abstention has no guaranteed version).
 */
import { abstentionForTarget, riskCoverage } from "./selective.js";
/** Each ranking as lexicographic keys, most trusted first (ascending). */
function rankings(input) {
    const out = {};
    const doubt = input.confidence ? Float64Array.from(input.confidence, (c) => -c) : null;
    if (doubt)
        out.confidence = [doubt];
    if (input.setSizes)
        out.setSize = [Float64Array.from(input.setSizes), ...(doubt ? [doubt] : [])];
    if (input.intervalWidths && new Set(input.intervalWidths).size > 1)
        out.intervalWidth = [input.intervalWidths];
    if (input.ood)
        out.ood = [input.ood, ...(doubt ? [doubt] : [])];
    return out;
}
export function selectivePrediction(input, options = {}) {
    let total = 0;
    for (const x of input.loss)
        total += x;
    const curves = {};
    const abstention = options.target === undefined ? null : {};
    for (const [name, keys] of Object.entries(rankings(input))) {
        curves[name] = riskCoverage(input.loss, keys);
        if (abstention && options.target !== undefined)
            abstention[name] = abstentionForTarget(input.loss, keys, options.target, {
                level: options.level,
                binary: input.binary,
            });
    }
    return {
        risk: input.binary ? "error rate" : "mean absolute error",
        overallRisk: input.loss.length > 0 ? total / input.loss.length : Number.NaN,
        curves,
        target: options.target ?? null,
        abstention,
    };
}
