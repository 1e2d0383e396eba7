import { ProfileBuilder } from "../profile/build.js";
import { type ColumnCore, emptyCore } from "../profile/column.js";
import { finalizeColumn } from "../profile/finalize.js";
import { coreOf } from "../profile/merge.js";
import type { ColumnProfile, TableProfile } from "../profile/types.js";
import { batchFromRows, type ColumnInfo } from "../table/types.js";
import { mergeColumnCores } from "./merge-cores.js";
import type { FeatureSpec, ModelSpec, PredictionRecord } from "./records.js";
import {
  addTrustCounts,
  countTrust,
  emptyTrustCounts,
  type TrustBundles,
  type TrustCounts,
} from "./trust-counts.js";

/** Reserved column names for the model's outputs inside a bucket profile (features cannot start with "@"). */
export const SCORE_COLUMN = "@score";
export const PREDICTION_COLUMN = "@prediction";

/** Per-feature counts the profile cannot hold: schema violations and values outside the reference. */
interface FeatureQuality {
  /** Values of the wrong type for the schema (e.g. a string where a number is declared). */
  typeErrors: number;
  /** Numbers outside the reference [min, max]. */
  outOfRange: number;
  /** Categories the reference never saw (exact while the reference's frequency table is exact). */
  outOfDomain: number;
  /** Values that could be checked against a reference (0 when there was none at fold time). */
  checked: number;
}

/**
 * What one time bucket (or a merge of several: a window) holds: a mergeable profile of the features and
 * of the model's outputs, plus counters. Format "assay.bucket" version 1.
 */
export interface BucketSummary {
  format: "assay.bucket";
  version: 1;
  rows: number;
  profile: TableProfile;
  quality: Record<string, FeatureQuality>;
  /** Features sent that the schema does not declare, with how many records carried them. */
  unknownFeatures: Record<string, number>;
  /** Rows with at least one numeric feature beyond Tukey's far-out fences of the reference. */
  outlierRows: number;
  /** Rows that could be checked for outliers (a reference existed when the bucket was folded). */
  outlierChecked: number;
  /** Predictions counted positive (prediction equals the positive label, or score ≥ threshold). */
  positives: number;
  versions: Record<string, number>;
  /** Trust readings, when the model had a trust bundle at fold time (absent otherwise). */
  trust?: TrustCounts;
}

/** Reference facts used when folding rows: ranges, domains and outlier fences per feature. */
export interface ReferenceFacts {
  ranges: Map<string, { min: number; max: number; fenceLow: number; fenceHigh: number }>;
  domains: Map<string, Set<string>>;
}

export function referenceFacts(reference: TableProfile | null): ReferenceFacts | null {
  if (!reference) return null;
  const ranges: ReferenceFacts["ranges"] = new Map();
  const domains: ReferenceFacts["domains"] = new Map();
  for (const c of reference.columns) {
    if (c.type === "string" || c.type === "boolean") {
      // An inexact frequency table cannot prove a value unseen, so such columns get no domain check.
      if (c.frequencies?.exact) domains.set(c.name, new Set(Object.keys(c.frequencies.counts)));
    } else if (c.min !== null && c.max !== null) {
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
        fenceLow: fenced ? q1! - 3 * iqr : Number.NEGATIVE_INFINITY,
        fenceHigh: fenced ? q3! + 3 * iqr : Number.POSITIVE_INFINITY,
      });
    }
  }
  return { ranges, domains };
}

/** The profile column type for a declared feature type. */
function columnType(type: FeatureSpec["type"]): ColumnInfo["type"] {
  return type === "number" ? "float" : type;
}

/** Guesses a schema from the first records (used when a model declares none and has no reference yet). */
export function inferFeatures(records: PredictionRecord[]): FeatureSpec[] {
  const types = new Map<string, FeatureSpec["type"]>();
  for (const r of records)
    for (const [name, value] of Object.entries(r.features)) {
      if (value === null || value === undefined || types.has(name)) continue;
      types.set(
        name,
        typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "string",
      );
    }
  return [...types.entries()].map(([name, type]) => ({ name, type }));
}

/** Most features an inferred schema grows to; further names are counted as unknown features. */
const MAX_INFERRED_FEATURES = 1000;

/**
 * A model's features after a batch, when they are not declared: the union of every batch's features
 * (up to MAX_INFERRED_FEATURES), sorted by name. A union does not depend on which of two racing first
 * batches committed first, and a feature that arrives later is monitored instead of only counted.
 * Declared features (and those taken from a reference) are left alone: null means no change.
 */
export function inferredSchema(spec: ModelSpec, batch: FeatureSpec[]): ModelSpec | null {
  if (spec.features.length > 0 && !spec.featuresInferred) return null;
  const byName = new Map(spec.features.map((f) => [f.name, f]));
  let added = false;
  for (const f of batch)
    if (!byName.has(f.name) && byName.size < MAX_INFERRED_FEATURES) {
      byName.set(f.name, f);
      added = true;
    }
  if (!added) return null;
  const features = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...spec, features, featuresInferred: true };
}

/** Features from a reference profile (dates and timestamps are monitored as numbers). */
export function featuresFromProfile(profile: TableProfile, exclude: string[]): FeatureSpec[] {
  return profile.columns
    .filter((c) => !exclude.includes(c.name))
    .map((c) => ({
      name: c.name,
      type: c.type === "string" ? "string" : c.type === "boolean" ? "boolean" : "number",
    }));
}

/** The boolean a positive label names: false for "false"/"0" (any case), true otherwise (the default "1"). */
export function booleanPositive(positiveLabel: string): boolean {
  const p = positiveLabel.trim().toLowerCase();
  return !(p === "false" || p === "0");
}

export function isPositive(spec: ModelSpec, prediction: unknown, score: number | null): boolean {
  if (prediction !== null && prediction !== undefined) {
    if (typeof prediction === "number" && spec.task === "binary" && prediction > 0 && prediction < 1)
      return prediction >= spec.threshold;
    // a boolean prediction is positive when it equals the positive label read as a boolean, as labels are
    if (typeof prediction === "boolean") return prediction === booleanPositive(spec.positiveLabel);
    return String(prediction) === spec.positiveLabel;
  }
  return score !== null && score >= spec.threshold;
}

/** Folds a set of records (all of one bucket) into a summary. */
export function summarize(
  spec: ModelSpec,
  records: PredictionRecord[],
  facts: ReferenceFacts | null,
  bundles: TrustBundles | null = null,
): BucketSummary {
  const columns: ColumnInfo[] = spec.features.map((f) => ({
    name: f.name,
    type: columnType(f.type),
    sourceType: f.type,
  }));
  const numericPrediction = records.every(
    (r) => r.prediction === null || r.prediction === undefined || typeof r.prediction === "number",
  );
  columns.push({ name: SCORE_COLUMN, type: "float", sourceType: "score" });
  columns.push({
    name: PREDICTION_COLUMN,
    type: numericPrediction ? "float" : "string",
    sourceType: "prediction",
  });
  const declared = new Set(spec.features.map((f) => f.name));
  const quality: Record<string, FeatureQuality> = {};
  for (const f of spec.features)
    quality[f.name] = { typeErrors: 0, outOfRange: 0, outOfDomain: 0, checked: 0 };
  const unknownFeatures: Record<string, number> = {};
  const versions: Record<string, number> = {};
  let outlierRows = 0;
  let positives = 0;
  const trust = bundles ? emptyTrustCounts() : null;
  const rows: Record<string, unknown>[] = new Array(records.length);
  records.forEach((record, i) => {
    const row: Record<string, unknown> = {};
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
        } else if (facts) {
          const range = facts.ranges.get(f.name);
          if (range && Number.isFinite(v)) {
            q.checked++;
            if (v < range.min || v > range.max) q.outOfRange++;
            if (v < range.fenceLow || v > range.fenceHigh) outlier = true;
          }
        }
      } else if (f.type === "boolean") {
        if (typeof v !== "boolean") {
          q.typeErrors++;
          v = null;
        }
      } else if (typeof v !== "string") {
        q.typeErrors++;
        v = typeof v === "number" || typeof v === "boolean" ? String(v) : null;
      }
      if (typeof v === "string" || typeof v === "boolean") {
        const domain = facts?.domains.get(f.name);
        if (domain) {
          q.checked++;
          if (!domain.has(String(v))) q.outOfDomain++;
        }
      }
      row[f.name] = v;
    }
    for (const name of Object.keys(record.features))
      if (!declared.has(name)) unknownFeatures[name] = (unknownFeatures[name] ?? 0) + 1;
    row[SCORE_COLUMN] = record.score;
    const p = record.prediction;
    row[PREDICTION_COLUMN] = p === null || p === undefined ? null : numericPrediction ? p : String(p);
    if (isPositive(spec, p, record.score)) positives++;
    if (outlier) outlierRows++;
    if (trust && bundles) countTrust(trust, bundles, record);
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
    ...(trust ? { trust } : {}),
  };
}

/** Merges bucket summaries (a window). Profiles merge column by column; counters add. */
export function mergeSummaries(summaries: BucketSummary[]): BucketSummary | null {
  if (summaries.length === 0) return null;
  const names: string[] = [];
  const cores = new Map<string, ColumnCore[]>();
  const quality: Record<string, FeatureQuality> = {};
  const unknownFeatures: Record<string, number> = {};
  const versions: Record<string, number> = {};
  let rows = 0;
  let outlierRows = 0;
  let outlierChecked = 0;
  let positives = 0;
  let trust: TrustCounts | null = null;
  for (const s of summaries) {
    for (const column of s.profile.columns) {
      const core = coreOf(column);
      let list = cores.get(column.name);
      if (list === undefined) {
        names.push(column.name);
        list = [];
        cores.set(column.name, list);
        // Rows of earlier buckets that lacked this column count as missing.
        if (rows > 0) core.missing += rows;
      }
      const family = (t: string) =>
        t === "string" ? "string" : t === "date" || t === "timestamp" ? "time" : "number";
      // A prediction column that was numeric in one bucket and text in another: keep the first kind, count the rest missing.
      if (list.length > 0 && family(list[0].type) !== family(core.type))
        list.push(emptyLike(list[0], s.rows));
      else list.push(core);
    }
    for (const name of names)
      if (!s.profile.columns.some((c) => c.name === name))
        cores.get(name)!.push(emptyLike(cores.get(name)![0], s.rows));
    for (const [name, q] of Object.entries(s.quality)) {
      const t = (quality[name] ??= { typeErrors: 0, outOfRange: 0, outOfDomain: 0, checked: 0 });
      t.typeErrors += q.typeErrors;
      t.outOfRange += q.outOfRange;
      t.outOfDomain += q.outOfDomain;
      t.checked += q.checked;
    }
    for (const [k, n] of Object.entries(s.unknownFeatures))
      unknownFeatures[k] = (unknownFeatures[k] ?? 0) + n;
    for (const [k, n] of Object.entries(s.versions)) versions[k] = (versions[k] ?? 0) + n;
    rows += s.rows;
    outlierRows += s.outlierRows;
    outlierChecked += s.outlierChecked;
    positives += s.positives;
    if (s.trust) trust = addTrustCounts(trust ?? emptyTrustCounts(), s.trust);
  }
  const first = summaries[0].profile;
  const columns: ColumnProfile[] = names.map((name) => finalizeColumn(mergeColumnCores(cores.get(name)!)));
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
    ...(trust ? { trust } : {}),
  };
}

/** A core of `rows` missing values shaped like `like` (for buckets that lack a column). */
function emptyLike(like: ColumnCore, rows: number): ColumnCore {
  return emptyCore(like.name, like.type, rows, like.frequencies.capacity);
}
