/**
 * Reads the calibration and evaluation sides of `assay conformal`: what the model said for each row
 * (class probabilities, P(positive) or a prediction), the true labels and the group keys.
 */
import { checkBinaryInputs } from "../evaluate/binary.js";
import { encodeBinaryLabel, labelCounts } from "../evaluate/labels.js";
import { readTable } from "../model/index.js";
import { groupKeys } from "../trust/groups.js";
import { classIndices } from "../trust/labels.js";
import { UsageError } from "./errors.js";
import { predictRows } from "./model-args.js";
export async function readSide(source, spec, what) {
    const table = await readTable(source);
    if (table.length === 0)
        throw new UsageError(`${source.name}: the ${what} rows are empty`);
    const label = column(table, spec.label, source.name);
    const groups = spec.groups.map((g) => groupKeys(column(table, g, source.name)));
    if (spec.task === "regression")
        return regressionSide(table, label, spec, groups, what);
    if (spec.task === "binary") {
        const prediction = await predictRows(spec.model, table, spec.hidden, what);
        const positive = encodeBinaryLabel(label, spec.positive);
        const labels = positive.values;
        checkBinaryInputs(prediction.scores, labels, `${spec.model.name} on the ${what} rows`);
        const scores = prediction.scores;
        const confidence = Float64Array.from(scores, (s) => (s >= 0.5 ? s : 1 - s));
        const loss = Float64Array.from(scores, (s, i) => ((s >= 0.5 ? 1 : 0) === labels[i] ? 0 : 1));
        return {
            table,
            classification: { output: { kind: "binary", scores }, labels: Uint32Array.from(labels), groups },
            confidence,
            loss,
            classNames: binaryClassNames(label, positive.positive),
            positive,
        };
    }
    const { probabilities, classNames } = await multiclassOutput(table, spec, what, source.name);
    const k = classNames.length;
    const labels = classIndices(label, classNames);
    const n = table.length;
    const confidence = new Float64Array(n);
    const loss = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        let best = 0;
        for (let c = 1; c < k; c++)
            if (probabilities[i * k + c] > probabilities[i * k + best])
                best = c;
        confidence[i] = probabilities[i * k + best];
        loss[i] = best === labels[i] ? 0 : 1;
    }
    return {
        table,
        classification: { output: { kind: "multiclass", probabilities, classes: k }, labels, groups },
        confidence,
        loss,
        classNames,
    };
}
async function multiclassOutput(table, spec, what, name) {
    const n = table.length;
    let probabilities;
    let classNames;
    if (spec.probabilityColumns) {
        const columns = spec.probabilityColumns.map((p) => column(table, p.column, name));
        classNames = spec.probabilityColumns.map((p) => p.className);
        const k = columns.length;
        probabilities = new Float64Array(n * k);
        columns.forEach((c, j) => {
            if (c.type === "string")
                throw new UsageError(`${name}: probability column '${c.name}' holds text`);
            for (let i = 0; i < n; i++)
                probabilities[i * k + j] = c.valid[i] ? c.values[i] : Number.NaN;
        });
    }
    else {
        const prediction = await predictRows(spec.model, table, spec.hidden, what);
        if (!prediction.probabilities || !prediction.classes)
            throw new UsageError(`${spec.model.name} returned one score per row; multiclass conformal prediction needs a probability per class (or use --score-prefix)`);
        probabilities = prediction.probabilities;
        const k = prediction.classes;
        classNames = spec.classes ?? Array.from({ length: k }, (_, c) => String(c));
        if (classNames.length !== k)
            throw new UsageError(`--classes names ${classNames.length} classes but the model outputs ${k}`);
    }
    const k = classNames.length;
    for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let c = 0; c < k; c++) {
            const p = probabilities[i * k + c];
            if (!(p >= 0 && p <= 1))
                throw new UsageError(`${name}: row ${i} has probability ${p} for class '${classNames[c]}', outside [0, 1]`);
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-4)
            throw new UsageError(`${name}: the class probabilities of row ${i} sum to ${sum}, not 1`);
    }
    return { probabilities, classNames };
}
async function regressionSide(table, label, spec, groups, what) {
    if (label.type === "string")
        throw new UsageError(`regression needs a numeric target, but '${label.name}' holds text`);
    const missing = label.valid.indexOf(0);
    if (missing >= 0)
        throw new UsageError(`target '${label.name}' is missing at row ${missing} of the ${what} rows`);
    const predicted = (await predictRows(spec.model, table, spec.hidden, what)).scores;
    const bad = predicted.findIndex((p) => !Number.isFinite(p));
    if (bad >= 0)
        throw new UsageError(`${spec.model.name}: row ${bad} of the ${what} rows has no finite prediction`);
    let scale;
    if (spec.scaleColumn) {
        const c = column(table, spec.scaleColumn, what);
        if (c.type === "string")
            throw new UsageError(`--scale column '${c.name}' holds text`);
        scale = Float64Array.from(c.values, (x, i) => (c.valid[i] ? x : Number.NaN));
    }
    else if (spec.scaleModel)
        scale = (await predictRows(spec.scaleModel, table, spec.hidden, `${what} (scale)`)).scores;
    const actual = label.values;
    return {
        table,
        regression: { actual, predicted, scale, groups },
        loss: Float64Array.from(actual, (y, i) => Math.abs(y - predicted[i])),
        classNames: null,
    };
}
/** [negative, positive] as the label writes them: the other value (No, 0, false), or "not Yes". */
function binaryClassNames(label, positive) {
    const others = labelCounts(label)
        .map((c) => c.value)
        .filter((x) => x !== positive);
    return [others.length === 1 ? others[0] : `not ${positive}`, positive];
}
function column(table, name, where) {
    const c = table.columns.find((x) => x.name === name);
    if (!c)
        throw new UsageError(`${where}: no column '${name}'`);
    return c;
}
