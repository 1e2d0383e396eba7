import { formatNumber } from "../../report/format.js";
import { wilsonInterval } from "../../stats/wilson.js";
import { monitorMetric } from "./check.js";
import { column } from "./inputs.js";
/**
 * Data quality per feature — missing_rate, non_finite_rate (numbers), type_error_rate, out_of_range_rate
 * (numbers) or out_of_domain_rate (categories) — and unknown_feature_rate for the model. Rates with a Wilson
 * interval and no bound of their own: alert rules set the bounds.
 */
export const dataQuality = {
    ids: [
        "missing_rate",
        "non_finite_rate",
        "type_error_rate",
        "out_of_range_rate",
        "out_of_domain_rate",
        "unknown_feature_rate",
    ],
    run: qualityRates,
};
function rate(feature, id, count, n, what) {
    return monitorMetric(id, { column: feature }, {
        metric: id.replaceAll("_", " "),
        value: n === 0 ? null : count / n,
        ci: n === 0 ? null : wilsonInterval(count, n),
        reason: n === 0 ? "no values to check" : null,
        context: `(${formatNumber(count)} of ${formatNumber(n)} ${what})`,
        n,
    });
}
function qualityRates({ spec, summary }) {
    if (!summary)
        return [];
    const out = [];
    for (const f of spec.features) {
        const c = column(summary.profile, f.name);
        const q = summary.quality[f.name];
        if (!c)
            continue;
        out.push(rate(f.name, "missing_rate", c.missing, summary.rows, "values missing"));
        if (f.type === "number") {
            const nonFinite = c.nan + c.posInf + c.negInf;
            out.push(rate(f.name, "non_finite_rate", nonFinite, c.count, "values NaN or infinite"));
        }
        if (q) {
            out.push(rate(f.name, "type_error_rate", q.typeErrors, summary.rows, "values of the wrong type"));
            if (f.type === "number")
                out.push(rate(f.name, "out_of_range_rate", q.outOfRange, q.checked, "outside the reference range"));
            else
                out.push(rate(f.name, "out_of_domain_rate", q.outOfDomain, q.checked, "categories unseen in the reference"));
        }
    }
    const unknown = Object.entries(summary.unknownFeatures);
    const rows = summary.rows;
    out.push(monitorMetric("unknown_feature_rate", null, {
        metric: "unknown feature rate",
        value: rows === 0 ? null : unknown.reduce((m, [, n]) => Math.max(m, n), 0) / rows,
        reason: rows === 0 ? "no rows in the window" : null,
        context: unknown.length === 0
            ? "(no undeclared features)"
            : `(undeclared features: ${unknown.map(([k]) => k).join(", ")})`,
        n: rows,
    }));
    return out;
}
