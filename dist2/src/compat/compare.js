import { wilsonInterval } from "../stats/wilson.js";
import { fairnessDelta } from "./fairness-delta.js";
import { compatibilityMeasures, correctness, flipCounts, regressedRows } from "./flips.js";
import { DEFAULT_GATE, runGate } from "./gate.js";
import { compareGroups } from "./groups.js";
import { mcnemarChiSquare, mcnemarExact } from "./mcnemar.js";
import { binaryMetricPass } from "./metric-pass.js";
import { pairedMetricDeltas } from "./paired-bootstrap.js";
export function compareModels(input) {
    const { oldScores, newScores, labels } = input;
    if (oldScores.length !== labels.length || newScores.length !== labels.length)
        throw new Error(`row counts differ: ${oldScores.length} old scores, ${newScores.length} new scores, ${labels.length} labels`);
    const threshold = input.threshold ?? 0.5;
    const gate = { ...DEFAULT_GATE, ...input.gate };
    const settings = input.bootstrap ?? {};
    const level = settings.level ?? 0.95;
    const oldCorrect = correctness(oldScores, labels, threshold);
    const newCorrect = correctness(newScores, labels, threshold);
    const counts = flipCounts(oldCorrect, newCorrect);
    const measures = compatibilityMeasures(counts);
    const passes = input.metricPasses ?? {
        old: binaryMetricPass(oldScores, labels, threshold),
        new: binaryMetricPass(newScores, labels, threshold),
    };
    const metrics = pairedMetricDeltas(passes.old, passes.new, labels.length, settings);
    const accuracyDelta = metrics.accuracy?.delta ?? { value: measures.accuracyDelta, ci: null };
    const compared = compareGroups(oldCorrect, newCorrect, input.partitions ?? [], {
        ...settings,
        minGroupRows: gate.minGroupRows,
        adjustment: gate.adjustment,
    });
    let golden = null;
    if (input.goldenRows) {
        let correct = 0;
        for (const i of input.goldenRows)
            correct += newCorrect[i];
        const n = input.goldenRows.length;
        golden = { n, correct, passRate: n > 0 ? correct / n : null };
    }
    const predicted = (scores) => Uint8Array.from({ length: labels.length }, (_, i) => (scores[i] >= threshold ? 1 : 0));
    const sensitive = (input.partitions ?? []).filter((p) => p.kind === "sensitive");
    const fairness = [];
    if (sensitive.length > 0) {
        const oldPredicted = predicted(oldScores);
        const newPredicted = predicted(newScores);
        for (const p of sensitive)
            fairness.push(fairnessDelta(p, labels, oldPredicted, newPredicted, {
                ...settings,
                minGroupRows: gate.minGroupRows,
            }));
    }
    const outcome = runGate({ counts, accuracyDelta, groups: compared, golden, fairness, level }, gate);
    const groups = {};
    for (const g of compared)
        if (g.kind === "sensitive")
            (groups[g.column] ??= []).push(g);
    return {
        n: counts.n,
        threshold,
        bothCorrect: counts.bothCorrect,
        negativeFlips: counts.negativeFlips,
        positiveFlips: counts.positiveFlips,
        bothWrong: counts.bothWrong,
        negativeFlipRate: measures.negativeFlipRate,
        negativeFlipRateCi: wilsonInterval(counts.negativeFlips, counts.n, level),
        positiveFlipRate: measures.positiveFlipRate,
        relativeNegativeFlipRate: measures.relativeNegativeFlipRate,
        btc: measures.btc,
        bec: measures.bec,
        errorPersistence: measures.errorPersistence,
        mcnemarPValue: mcnemarExact(counts.negativeFlips, counts.positiveFlips),
        mcnemarChiSquare: mcnemarChiSquare(counts.negativeFlips, counts.positiveFlips),
        accuracyOld: measures.accuracyOld,
        accuracyNew: measures.accuracyNew,
        accuracyDelta,
        metrics,
        slices: compared.filter((g) => g.kind === "slice"),
        groups,
        fairness: Object.fromEntries(fairness.map((f) => [f.attribute, f])),
        golden,
        regressedRows: regressedRows(oldCorrect, newCorrect),
        gate,
        verdict: outcome.verdict,
        checks: outcome.checks,
    };
}
