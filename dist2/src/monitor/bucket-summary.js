import { ProfileBuilder } from "../profile/build.js";
import { emptyCore } from "../profile/column.js";
import { finalizeColumn } from "../profile/finalize.js";
import { coreOf } from "../profile/merge.js";
import { batchFromRows } from "../table/types.js";
import { mergeColumnCores } from "./merge-cores.js";
/** Reserved column names for the model's outputs inside a bucket profile (features cannot start with "@"). */
export const SCORE_COLUMN = "@score";
export const PREDICTION_COLUMN = "@prediction";
export function referenceFacts(reference) {
    if (!reference)
        return null;
    const ranges = new Map();
    const domains = new Map();
    for (const c of reference.columns) {
        if (c.type === "string" || c.type === "boolean") {
            // An inexact frequency table cannot prove a value unseen, so such columns get no domain check.
            if (c.frequencies?.exact)
                domains.set(c.name, new Set(Object.keys(c.frequencies.counts)));
        }
        else if (c.min !== null && c.max !== null) {
            const q1 = c.quantiles?.["0.25"];
            const q3 = c.quantiles?.["0.75"];
            const iqr = q1 !== undefined && q3 !== undefined ? q3 - q1 : Number.NaN;
            // With IQR 0 (a 0/1 flag such as SeniorCitizen, a mostly-zero amount) the fences collapse onto
            // one value and every other value would be an "outlier": such a feature has no fences, as in
            // lint's outlier rule. The range check still sees values the reference never held.
            const fenced = Number.isFinite(iqr) && iqr > 0;
            ranges.set(c.name, {
                min: c.min,
                max: c.max,
                fenceLow: fenced ? q1 - 3 * iqr : Number.NEGATIVE_INFINITY,
                fenceHigh: fenced ? q3 + 3 * iqr : Number.POSITIVE_INFINITY,
            });
        }
    }
    return { ranges, domains };
}
/** The profile column type for a declared feature type. */
function columnType(type) {
    return type === "number" ? "float" : type;
}
/** Guesses a schema from the first records (used when a model declares none and has no reference yet). */
export function inferFeatures(records) {
    const types = new Map();
    for (const r of records)
        for (const [name, value] of Object.entries(r.features)) {
            if (value === null || value === undefined || types.has(name))
                continue;
            types.set(name, typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "string");
        }
    return [...types.entries()].map(([name, type]) => ({ name, type }));
}
/** Most features an inferred schema grows to; further names are counted as unknown features. */
export const MAX_INFERRED_FEATURES = 1000;
/**
 * A model's features after a batch, when they are not declared: the union of every batch's features
 * (up to MAX_INFERRED_FEATURES), sorted by name. A union does not depend on which of two racing first
 * batches committed first, and a feature that arrives later is monitored instead of only counted.
 * Declared features (and those taken from a reference) are left alone: null means no change.
 */
export function inferredSchema(spec, batch) {
    if (spec.features.length > 0 && !spec.featuresInferred)
        return null;
    const byName = new Map(spec.features.map((f) => [f.name, f]));
    let added = false;
    for (const f of batch)
        if (!byName.has(f.name) && byName.size < MAX_INFERRED_FEATURES) {
            byName.set(f.name, f);
            added = true;
        }
    if (!added)
        return null;
    const features = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { ...spec, features, featuresInferred: true };
}
/** Features from a reference profile (dates and timestamps are monitored as numbers). */
export function featuresFromProfile(profile, exclude) {
    return profile.columns
        .filter((c) => !exclude.includes(c.name))
        .map((c) => ({
        name: c.name,
        type: c.type === "string" ? "string" : c.type === "boolean" ? "boolean" : "number",
    }));
}
/** The boolean a positive label names: false for "false"/"0" (any case), true otherwise (the default "1"). */
export function booleanPositive(positiveLabel) {
    const p = positiveLabel.trim().toLowerCase();
    return !(p === "false" || p === "0");
}
export function isPositive(spec, prediction, score) {
    if (prediction !== null && prediction !== undefined) {
        if (typeof prediction === "number" && spec.task === "binary" && prediction > 0 && prediction < 1)
            return prediction >= spec.threshold;
        // a boolean prediction is positive when it equals the positive label read as a boolean, as labels are
        if (typeof prediction === "boolean")
            return prediction === booleanPositive(spec.positiveLabel);
        return String(prediction) === spec.positiveLabel;
    }
    return score !== null && score >= spec.threshold;
}
/** Folds a set of records (all of one bucket) into a summary. */
export function summarize(spec, records, facts) {
    const columns = spec.features.map((f) => ({
        name: f.name,
        type: columnType(f.type),
        sourceType: f.type,
    }));
    const numericPrediction = records.every((r) => r.prediction === null || r.prediction === undefined || typeof r.prediction === "number");
    columns.push({ name: SCORE_COLUMN, type: "float", sourceType: "score" });
    columns.push({
        name: PREDICTION_COLUMN,
        type: numericPrediction ? "float" : "string",
        sourceType: "prediction",
    });
    const declared = new Set(spec.features.map((f) => f.name));
    const quality = {};
    for (const f of spec.features)
        quality[f.name] = { typeErrors: 0, outOfRange: 0, outOfDomain: 0, checked: 0 };
    const unknownFeatures = {};
    const versions = {};
    let outlierRows = 0;
    let positives = 0;
    const rows = new Array(records.length);
    records.forEach((record, i) => {
        const row = {};
        let outlier = false;
        for (const f of spec.features) {
            const q = quality[f.name];
            let v = record.features[f.name];
            if (v === undefined || v === null) {
                row[f.name] = null;
                continue;
            }
            if (f.type === "number") {
                if (typeof v !== "number") {
                    q.typeErrors++;
                    v = null;
                }
                else if (facts) {
                    const range = facts.ranges.get(f.name);
                    if (range && Number.isFinite(v)) {
                        q.checked++;
                        if (v < range.min || v > range.max)
                            q.outOfRange++;
                        if (v < range.fenceLow || v > range.fenceHigh)
                            outlier = true;
                    }
                }
            }
            else if (f.type === "boolean") {
                if (typeof v !== "boolean") {
                    q.typeErrors++;
                    v = null;
                }
            }
            else if (typeof v !== "string") {
                q.typeErrors++;
                v = typeof v === "number" || typeof v === "boolean" ? String(v) : null;
            }
            if (typeof v === "string" || typeof v === "boolean") {
                const domain = facts?.domains.get(f.name);
                if (domain) {
                    q.checked++;
                    if (!domain.has(String(v)))
                        q.outOfDomain++;
                }
            }
            row[f.name] = v;
        }
        for (const name of Object.keys(record.features))
            if (!declared.has(name))
                unknownFeatures[name] = (unknownFeatures[name] ?? 0) + 1;
        row[SCORE_COLUMN] = record.score;
        const p = record.prediction;
        row[PREDICTION_COLUMN] = p === null || p === undefined ? null : numericPrediction ? p : String(p);
        if (isPositive(spec, p, record.score))
            positives++;
        if (outlier)
            outlierRows++;
        const version = record.version ?? "";
        versions[version] = (versions[version] ?? 0) + 1;
        rows[i] = row;
    });
    const builder = new ProfileBuilder(columns);
    builder.add(batchFromRows(columns, rows));
    return {
        format: "assay.bucket",
        version: 1,
        rows: records.length,
        profile: builder.finish({ name: spec.name, digest: "" }),
        quality,
        unknownFeatures,
        outlierRows,
        outlierChecked: facts && facts.ranges.size > 0 ? records.length : 0,
        positives,
        versions,
    };
}
/** Merges bucket summaries (a window). Profiles merge column by column; counters add. */
export function mergeSummaries(summaries) {
    if (summaries.length === 0)
        return null;
    const names = [];
    const cores = new Map();
    const quality = {};
    const unknownFeatures = {};
    const versions = {};
    let rows = 0;
    let outlierRows = 0;
    let outlierChecked = 0;
    let positives = 0;
    for (const s of summaries) {
        for (const column of s.profile.columns) {
            const core = coreOf(column);
            let list = cores.get(column.name);
            if (list === undefined) {
                names.push(column.name);
                list = [];
                cores.set(column.name, list);
                // Rows of earlier buckets that lacked this column count as missing.
                if (rows > 0)
                    core.missing += rows;
            }
            const family = (t) => t === "string" ? "string" : t === "date" || t === "timestamp" ? "time" : "number";
            // A prediction column that was numeric in one bucket and text in another: keep the first kind, count the rest missing.
            if (list.length > 0 && family(list[0].type) !== family(core.type))
                list.push(emptyLike(list[0], s.rows));
            else
                list.push(core);
        }
        for (const name of names)
            if (!s.profile.columns.some((c) => c.name === name))
                cores.get(name).push(emptyLike(cores.get(name)[0], s.rows));
        for (const [name, q] of Object.entries(s.quality)) {
            const t = (quality[name] ??= { typeErrors: 0, outOfRange: 0, outOfDomain: 0, checked: 0 });
            t.typeErrors += q.typeErrors;
            t.outOfRange += q.outOfRange;
            t.outOfDomain += q.outOfDomain;
            t.checked += q.checked;
        }
        for (const [k, n] of Object.entries(s.unknownFeatures))
            unknownFeatures[k] = (unknownFeatures[k] ?? 0) + n;
        for (const [k, n] of Object.entries(s.versions))
            versions[k] = (versions[k] ?? 0) + n;
        rows += s.rows;
        outlierRows += s.outlierRows;
        outlierChecked += s.outlierChecked;
        positives += s.positives;
    }
    const first = summaries[0].profile;
    const columns = names.map((name) => finalizeColumn(mergeColumnCores(cores.get(name))));
    return {
        format: "assay.bucket",
        version: 1,
        rows,
        profile: { ...first, rows, columns },
        quality,
        unknownFeatures,
        outlierRows,
        outlierChecked,
        positives,
        versions,
    };
}
/** A core of `rows` missing values shaped like `like` (for buckets that lack a column). */
function emptyLike(like, rows) {
    return emptyCore(like.name, like.type, rows, like.frequencies.capacity);
}
