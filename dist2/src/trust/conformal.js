/**
 * Split conformal prediction: calibrate a threshold on one labelled set, form sets (classification)
 * or intervals (regression) on another, and measure what they deliver — coverage with its interval,
 * sizes, coverage by size, by group, and optionally with a qhat per group (Mondrian).
 */
import { seededRandom } from "../stats/random.js";
import { apsNonconformity } from "./aps.js";
import { classCount, rowCount } from "./classifier-output.js";
import { coverageEstimate, mean, setSizeTable, widthTable, } from "./coverage.js";
import { TrustError } from "./errors.js";
import { exchangeableCount, orderStatisticQuantile } from "./exchangeable.js";
import { cellKeys, rowsByKey } from "./groups.js";
import { lacNonconformity } from "./lac.js";
import { mondrianCalibration, mondrianQhats } from "./mondrian.js";
import { conformalQuantile } from "./quantile.js";
import { residualIntervals, residualScores } from "./residual.js";
import { labelScores, predictionSets } from "./sets.js";
export const CLASSIFICATION_METHODS = ["lac", "aps", "aps-randomized"];
export const REGRESSION_METHODS = ["residual", "normalized"];
export function runConformal(input, options) {
    const { alpha, method } = options;
    if (!(alpha > 0 && alpha < 1))
        throw new TrustError(`alpha must be in (0, 1), got ${alpha}`);
    const level = options.level ?? 0.95;
    const convention = options.convention ?? "finite-sample";
    const scored = input.task === "classification" ? classification(input, options) : regression(input, method);
    const calKeys = groupCells(input.calibration.groups, options);
    const evalKeys = groupCells(input.evaluation.groups, options);
    let qhats;
    let pooled = conformalQuantile(scored.calibration, alpha, convention);
    let mondrian = null;
    let cellsByGroup = null;
    if (options.mondrian) {
        if (!calKeys || !evalKeys)
            throw new TrustError("Mondrian calibration needs group columns");
        const m = mondrianCalibration(scored.calibration, calKeys, alpha, {
            convention,
            minRows: options.minGroupRows,
        });
        pooled = m.pooled;
        qhats = mondrianQhats(m, evalKeys);
        cellsByGroup = m.groups;
        mondrian = { columns: options.groupColumns ?? [], minRows: m.minRows, cells: [] };
    }
    else
        qhats = new Float64Array(scored.evaluationRows).fill(pooled.qhat);
    const outcome = scored.evaluate(qhats);
    const summarise = (group, rows) => ({
        group,
        n: rows.length,
        coverage: coverageEstimate(outcome.covered, level, rows),
        meanSetSize: outcome.sizes ? mean(outcome.sizes, rows) : null,
        meanIntervalWidth: outcome.widths ? mean(outcome.widths, rows) : null,
    });
    const groups = {};
    (options.groupColumns ?? []).forEach((column, j) => {
        const keys = input.evaluation.groups?.[j];
        if (keys)
            groups[column] = [...rowsByKey(keys)].map(([g, rows]) => summarise(g, rows));
    });
    if (mondrian && cellsByGroup && evalKeys) {
        const evalRows = rowsByKey(evalKeys);
        const names = [...new Set([...cellsByGroup.keys(), ...evalRows.keys()])].sort();
        mondrian.cells = names.map((g) => {
            const cal = cellsByGroup.get(g) ?? {
                group: g,
                calibrationRows: 0,
                qhat: pooled.qhat,
                rank: null,
                status: "insufficient",
                reason: "no calibration rows in this group, so it uses the pooled qhat and its coverage is not guaranteed",
            };
            const summary = summarise(g, evalRows.get(g) ?? new Uint32Array(0));
            const chance = cal.status === "ok" && cal.rank !== null
                ? exchangeableCount(cal.calibrationRows, cal.rank, summary.n, summary.coverage.covered, level)
                : null;
            return { ...cal, ...summary, chance };
        });
    }
    const all = summarise("all", Uint32Array.from({ length: scored.evaluationRows }, (_, i) => i));
    return {
        task: input.task,
        method,
        alpha,
        convention,
        level,
        calibrationRows: scored.calibration.length,
        evaluationRows: scored.evaluationRows,
        qhat: pooled.qhat,
        rank: pooled.rank,
        coverage: all.coverage,
        chance: mondrian
            ? null
            : exchangeableCount(scored.calibration.length, pooled.rank, all.n, all.coverage.covered, level),
        calibrationConditional: mondrian || !Number.isFinite(pooled.qhat)
            ? null
            : { probability: level, atLeast: orderStatisticQuantile(pooled.n, pooled.rank, 1 - level) },
        meanSetSize: all.meanSetSize,
        meanIntervalWidth: all.meanIntervalWidth,
        setSizes: outcome.sizes ? setSizeTable(outcome.sizes, outcome.covered, scored.classes, level) : null,
        widths: outcome.widths ? widthTable(outcome.widths, outcome.covered, level) : null,
        groups,
        mondrian,
        rows: {
            qhat: qhats,
            covered: outcome.covered,
            sizes: outcome.sizes,
            matrix: outcome.matrix,
            lower: outcome.lower,
            upper: outcome.upper,
            widths: outcome.widths,
        },
    };
}
function classification(input, options) {
    const { calibration, evaluation } = input;
    const k = classCount(calibration.output);
    if (classCount(evaluation.output) !== k)
        throw new TrustError(`the calibration rows have ${k} classes but the evaluation rows ${classCount(evaluation.output)}`);
    const random = seededRandom(options.seed ?? 0);
    const matrixOf = (side) => {
        switch (options.method) {
            case "lac":
                return lacNonconformity(side.output);
            case "aps":
                return apsNonconformity(side.output);
            case "aps-randomized":
                return apsNonconformity(side.output, Float64Array.from({ length: rowCount(side.output) }, () => random.next()));
            default:
                throw new TrustError(`method '${options.method}' is for regression; classification takes lac, aps or aps-randomized`);
        }
    };
    const calMatrix = matrixOf(calibration);
    const evalMatrix = matrixOf(evaluation);
    return {
        calibration: labelScores(calMatrix, k, calibration.labels),
        evaluationRows: evaluation.labels.length,
        classes: k,
        evaluate(qhats) {
            const { sizes, covered } = predictionSets(evalMatrix, k, qhats, evaluation.labels);
            return { covered, sizes, widths: null, matrix: evalMatrix, lower: null, upper: null };
        },
    };
}
function regression(input, method) {
    if (method !== "residual" && method !== "normalized")
        throw new TrustError(`method '${method}' is for classification; regression takes residual or normalized`);
    const { calibration, evaluation } = input;
    const normalized = method === "normalized";
    if (normalized && (!calibration.scale || !evaluation.scale))
        throw new TrustError("the normalized method needs a scale (σ) for every row of both sets");
    const scaleOf = (side) => (normalized ? side.scale : undefined);
    const evalScores = residualScores(evaluation.actual, evaluation.predicted, scaleOf(evaluation));
    return {
        calibration: residualScores(calibration.actual, calibration.predicted, scaleOf(calibration)),
        evaluationRows: evaluation.actual.length,
        classes: 0,
        evaluate(qhats) {
            const { lower, upper } = residualIntervals(evaluation.predicted, qhats, scaleOf(evaluation));
            const covered = Uint8Array.from(evalScores, (s, i) => (s <= qhats[i] ? 1 : 0));
            // 2·qhat·σ rather than upper − lower, whose rounding differs from row to row.
            const scale = scaleOf(evaluation);
            const widths = Float64Array.from(qhats, (q, i) => 2 * q * (scale ? scale[i] : 1));
            return { covered, sizes: null, widths, matrix: null, lower, upper };
        },
    };
}
function groupCells(groups, options) {
    if (!groups || groups.length === 0)
        return null;
    return cellKeys(options.groupColumns ?? groups.map((_, j) => `group${j}`), groups);
}
