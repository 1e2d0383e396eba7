import { complement, fmtFactor, nullableNum, num } from "../anomaly.js";
import { bucketKeySql, logHistogramQuantiles } from "../log-histogram.js";
import { detectUnitChange } from "../units.js";
import { severityFor, statusOf } from "../verdict.js";
import { outsideCount } from "./out-of-range.js";
import { finiteCount } from "./scan.js";
export function planUnitChange(col, scan) {
    const v = col.numeric;
    const reference = col.contract.reference;
    if (!v || !reference || Object.keys(reference.quantiles).length === 0)
        return null;
    return {
        contract: col.contract,
        numeric: v,
        meanAlias: scan.add(col.integral ? `avg(${v})` : `avg(${v}) FILTER (WHERE isfinite(${v}))`),
        outsideAlias: outsideCount(col, scan),
        finiteAlias: finiteCount(col, scan),
    };
}
/**
 * schema.unit_change: the cheap mean rides in the main scan; quantiles (a histogram) are computed in a
 * second scan only for columns whose mean moved by ×1.5 or more, changed sign, or broke the range.
 */
export async function judgeUnitChanges(schema, candidates, agg, relation, query) {
    const suspects = candidates.filter((u) => {
        const reference = u.contract.reference;
        const mean = nullableNum(agg[u.meanAlias]);
        const ratio = mean !== null && reference.mean !== null && reference.mean !== 0 ? mean / reference.mean : 1;
        const outside = u.outsideAlias ? num(agg[u.outsideAlias]) : 0;
        const finite = u.finiteAlias ? num(agg[u.finiteAlias]) : 0;
        const rangeTolerance = u.contract.range ? complement(u.contract.range.mostly) : 1;
        return !(ratio > 1 / 1.5 && ratio < 1.5) || (finite > 0 && outside / finite > rangeTolerance);
    });
    const histograms = {};
    if (suspects.length > 0) {
        const parts = suspects.flatMap((u, i) => [
            `to_json(histogram(${bucketKeySql(u.numeric)}) FILTER (WHERE isfinite(${u.numeric}) AND ${u.numeric} <> 0))::VARCHAR AS h${i}`,
            `count(*) FILTER (WHERE ${u.numeric} = 0)::DOUBLE AS z${i}`,
        ]);
        const [row] = await query(`SELECT ${parts.join(", ")} FROM ${relation}`);
        suspects.forEach((u, i) => {
            histograms[u.contract.name] = { json: row?.[`h${i}`], zeros: num(row?.[`z${i}`]) };
        });
    }
    return candidates.map((u) => judgeUnitChange(schema, u, agg, histograms[u.contract.name]));
}
function judgeUnitChange(schema, u, agg, hist) {
    const contract = u.contract;
    const reference = contract.reference;
    const name = contract.name;
    const refQuantiles = Object.keys(reference.quantiles);
    const mean = nullableNum(agg[u.meanAlias]);
    const batchQuantiles = {};
    if (hist) {
        const buckets = typeof hist.json === "string" ? JSON.parse(hist.json) : {};
        if (hist.zeros + Object.keys(buckets).length > 0) {
            const list = logHistogramQuantiles(buckets, hist.zeros, refQuantiles.map(Number));
            for (const [i, q] of refQuantiles.entries())
                if (list[i] !== null)
                    batchQuantiles[q] = list[i];
        }
    }
    const batch = { quantiles: batchQuantiles, mean };
    const change = hist ? detectUnitChange(reference, batch) : null;
    // A modest factor matching no known conversion (×1.7) may be a real shift in scale (prices,
    // a new population): at most a warning. Known conversions and factors beyond ×√10 keep the severity.
    const configured = severityFor(schema, "schema.unit_change", contract);
    const modest = change !== null && change.known === null && Math.abs(Math.log10(change.factor)) < 0.5;
    const severity = modest && configured === "error" ? "warning" : configured;
    return {
        column: name,
        result: {
            check: "schema.unit_change",
            subject: { column: name },
            status: change ? statusOf(severity) : "pass",
            severity: change ? severity : "info",
            value: change ? change.factor : null,
            expected: reference,
            found: hist ? batch : { mean },
            message: change
                ? `the distribution moved by a constant factor ×${fmtFactor(change.factor)}${change.known ? ` — ${change.known}` : ""}; every quantile and the mean agree within ×${change.spread.toFixed(3)}`
                : hist
                    ? "no constant-factor rescaling of the reference quantiles"
                    : "the mean is within ×1.5 of the reference and the range holds: no rescaling",
            ...(hist
                ? { chart: { kind: "quantiles", reference: reference.quantiles, batch: batchQuantiles } }
                : {}),
            ...(change
                ? {
                    ratios: change.ratios,
                    suggestion: `convert '${name}' back upstream (×${fmtFactor(1 / change.factor)}); if the new unit is intended, multiply columns.${name}.range and reference by ${fmtFactor(change.factor)}`,
                }
                : {}),
        },
    };
}
