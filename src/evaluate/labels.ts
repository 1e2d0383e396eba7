/** Turning a label column into 0/1 for a binary task, with the positive class as the file writes it. */
import { formatNumber } from "../report/format.js";
import { InputError } from "../table/errors.js";
import type { Column } from "../table/types.js";

/** A label read as positive (1) or not (0), and which value, as written, is the positive one. */
export interface BinaryLabel {
  values: Uint8Array;
  /** The positive class as the label writes it ("Yes", "1", "true"). */
  positive: string;
  /** Rows whose label is the positive class. */
  positives: number;
  rows: number;
}

/** The label's values as written, with their counts, most frequent first. */
export function labelCounts(column: Column): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (let i = 0; i < column.values.length; i++) {
    if (column.valid[i] !== 1) continue;
    const text = writtenValue(column, i);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** `"No" (1,604), "Yes" (506)`: a label's values for a message (the ten most frequent). */
function describeLabelValues(column: Column): string {
  const counts = labelCounts(column);
  const shown = counts.slice(0, 10).map((c) => `"${c.value}" (${formatNumber(c.count)})`);
  return `${shown.join(", ")}${counts.length > 10 ? `, … ${counts.length - 10} more values` : ""}`;
}

/** The report header's `positive = "Yes" (506 of 2,110 rows)`. */
export function describePositive(label: Pick<BinaryLabel, "positive" | "positives" | "rows">): string {
  return `positive = "${label.positive}" (${formatNumber(label.positives)} of ${formatNumber(label.rows)} rows)`;
}

/**
 * Reads a binary label. `--positive` must name a value the label holds, as written: `Yes` for a Yes/No
 * column, `true`/`false` (any case, or 1/0) for a boolean one, a number for a numeric one; a value in no row is
 * an input error listing the values there are. Without it, the positive class is `1` when the values are
 * 0/1 and `true` when they are true/false; any other label needs `--positive` (guessing would be right
 * half the time, and an inverted label turns every metric upside down). Missing labels are an error: a
 * row without a label cannot be called right or wrong.
 */
export function encodeBinaryLabel(column: Column, positive?: string): BinaryLabel {
  const rows = column.values.length;
  let missing = 0;
  let firstMissing = -1;
  for (let i = 0; i < rows; i++)
    if (column.valid[i] !== 1) {
      missing++;
      if (firstMissing < 0) firstMissing = i;
    }
  if (missing > 0)
    throw new InputError(
      `label '${column.name}' is missing in ${missing} of ${rows} rows (first at row ${firstMissing}); drop or fill those rows first`,
    );
  const written = labelCounts(column).map((c) => c.value);
  const target =
    positive === undefined ? defaultPositive(column, written) : matchPositive(column, written, positive);
  const values = new Uint8Array(rows);
  let positives = 0;
  for (let i = 0; i < rows; i++) {
    values[i] = writtenValue(column, i) === target ? 1 : 0;
    positives += values[i];
  }
  return { values, positive: target, positives, rows };
}

/** 1 where the label is the positive class, else 0 (see encodeBinaryLabel). */
export function binaryLabels(column: Column, positive?: string): Uint8Array {
  return encodeBinaryLabel(column, positive).values;
}

/** A cell as the file writes it: the text, the number, `true`/`false` for a boolean. */
function writtenValue(column: Column, i: number): string {
  if (column.type === "string") return column.values[i] as string;
  const x = column.values[i];
  if (column.type === "boolean") return x === 1 ? "true" : "false";
  return String(x);
}

function defaultPositive(column: Column, written: string[]): string {
  if (written.every((v) => v === "0" || v === "1")) return "1";
  if (written.every((v) => /^(true|false)$/i.test(v)))
    return written.find((v) => v.toLowerCase() === "true") ?? "true";
  throw new InputError(
    `label '${column.name}' is not 0/1 or true/false; say which value is positive with --positive (values: ${describeLabelValues(column)})`,
  );
}

function matchPositive(column: Column, written: string[], positive: string): string {
  let found: string | undefined;
  if (column.type === "string") found = written.find((v) => v === positive);
  else if (column.type === "boolean") {
    // 1/0 name true/false without ambiguity (and are how a boolean is stored)
    const word = positive.trim().toLowerCase();
    found = word === "true" || word === "1" ? "true" : word === "false" || word === "0" ? "false" : undefined;
  } else {
    const x = positive.trim() === "" ? Number.NaN : Number(positive);
    found = written.find((v) => Number(v) === x);
  }
  if (found !== undefined && written.includes(found)) return found;
  const near = written.find((v) => v.toLowerCase() === positive.trim().toLowerCase());
  throw new InputError(
    `--positive '${positive}' occurs in no row of label '${column.name}'${near !== undefined ? ` (did you mean '${near}'?)` : ""}; its values: ${describeLabelValues(column)}`,
  );
}
