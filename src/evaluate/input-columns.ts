import type { Batch, Column } from "../table/types.js";

/**
 * Which columns of an evaluated table describe its rows, and so may cut slices and feed baselines.
 * Not the label; not the evaluated score; not another model's output (a column named as a score,
 * probability or prediction — a baseline handed it is handed the answer); not an identifier (a row
 * index or key: a lookup on it memorises rows). Each exclusion carries its reason, for the report.
 */
export interface ExcludedColumn {
  column: string;
  reason: string;
}

interface DescribingColumns {
  columns: string[];
  excluded: ExcludedColumn[];
}

/**
 * As lint.identifier: text or integer, at least 100 present values, at least 90% distinct — and for
 * integers also dense (range at most twice the distinct count).
 */
const IDENTIFIER_MIN_ROWS = 100;
const IDENTIFIER_DISTINCT_SHARE = 0.9;

const PREDICTION_TOKENS = new Set(["pred", "preds", "prediction", "predictions", "predicted", "yhat"]);
const PROBABILITY_TOKENS = new Set([
  "prob",
  "probs",
  "proba",
  "probability",
  "probabilities",
  "logit",
  "logits",
]);
const IDENTIFIER_NAMES = new Set([
  "id",
  "index",
  "idx",
  "row",
  "rownum",
  "row_number",
  "row_id",
  "uuid",
  "guid",
]);

export function describingColumns(
  table: Batch,
  options: { label: string; scoreColumns?: string[]; keep?: string[] },
): DescribingColumns {
  const keep = new Set(options.keep ?? []);
  const scores = new Set(options.scoreColumns ?? []);
  const columns: string[] = [];
  const excluded: ExcludedColumn[] = [];
  for (const c of table.columns) {
    const reason =
      c.name === options.label
        ? "the label"
        : scores.has(c.name)
          ? "the evaluated score"
          : keep.has(c.name)
            ? null
            : (outputReason(c) ?? identifierReason(c));
    if (reason === null) columns.push(c.name);
    else excluded.push({ column: c.name, reason });
  }
  return { columns, excluded };
}

/** Words of a column name: camelCase and any punctuation split, lower case ("predictedLabel" → predicted, label). */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

function outputReason(c: Column): string | null {
  const tokens = nameTokens(c.name);
  const joined = tokens.join("_");
  if (tokens.some((t) => PREDICTION_TOKENS.has(t)) || joined.includes("y_hat"))
    return "named as a model's prediction";
  if (tokens.some((t) => PROBABILITY_TOKENS.has(t))) return "named as a model's probability or logit";
  // "score" alone is ambiguous (a credit score is a feature): a score column counts as a model's
  // output when every value is a probability
  if (tokens.includes("score") && c.type !== "string" && inUnitInterval(c))
    return "a score in [0, 1]: another model's output";
  return null;
}

function identifierReason(c: Column): string | null {
  const tokens = nameTokens(c.name);
  const joined = tokens.join("_");
  // pandas writes its index as "Unnamed: 0" (to_csv) or "__index_level_0__" (to_parquet)
  if (
    IDENTIFIER_NAMES.has(joined) ||
    tokens.at(-1) === "id" ||
    joined === "unnamed_0" ||
    /^index_level_\d+$/.test(joined)
  )
    return "named as an identifier";
  if (c.type !== "string" && c.type !== "integer") return null;
  let present = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const seen = new Set<string | number>();
  for (let i = 0; i < c.values.length; i++) {
    if (!c.valid[i]) continue;
    present++;
    const v = c.values[i] as string | number;
    seen.add(v);
    if (typeof v === "number") {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  if (present < IDENTIFIER_MIN_ROWS || seen.size / present < IDENTIFIER_DISTINCT_SHARE) return null;
  // integers that are nearly all distinct are a key when they are also dense (row numbers,
  // sequential ids); spread-out ones are a measurement (an amount, a weight like adult's fnlwgt)
  if (c.type === "integer" && high - low + 1 > 2 * seen.size) return null;
  return `an identifier (${seen.size} distinct values in ${present} rows)`;
}

function inUnitInterval(c: Column): boolean {
  let any = false;
  for (let i = 0; i < c.values.length; i++) {
    if (!c.valid[i]) continue;
    const v = c.values[i] as number;
    if (!(v >= 0 && v <= 1)) return false;
    any = true;
  }
  return any;
}
