/**
 * The golden set: rows the old model got right and the new one got wrong. Users relied on those
 * answers, so later candidates are checked against them. The file is JSON (format "assay.golden/1"):
 * it names the data it was cut from (digest, row count) and, per row, the 0-based row number, the key
 * value when a key column was given, the label and the row's values.
 */
import { InputError } from "../table/errors.js";

export const GOLDEN_FORMAT = "assay.golden/1";

interface GoldenRow {
  row: number;
  key?: string | number | null;
  label: string | number | null;
  values: Record<string, string | number | null>;
}

export interface GoldenSet {
  format: typeof GOLDEN_FORMAT;
  createdAt: string;
  source: { name: string; digest: string; rows: number };
  label: string;
  positive: string | null;
  key: string | null;
  threshold: number;
  oldModel: string;
  newModel: string;
  rows: GoldenRow[];
}

/** Checks the shape of a parsed golden file; `where` names the file in messages. */
export function parseGoldenSet(value: unknown, where: string): GoldenSet {
  const g = value as Partial<GoldenSet> | null;
  if (!g || typeof g !== "object" || g.format !== GOLDEN_FORMAT)
    throw new InputError(`${where}: not a golden set (expected "format": "${GOLDEN_FORMAT}")`);
  if (!Array.isArray(g.rows) || !g.source || typeof g.label !== "string")
    throw new InputError(`${where}: golden set is missing 'rows', 'source' or 'label'`);
  for (const r of g.rows)
    if (typeof r?.row !== "number" || !Number.isInteger(r.row) || r.row < 0)
      throw new InputError(`${where}: every golden row needs a non-negative integer 'row'`);
  return g as GoldenSet;
}

/**
 * Finds the golden rows in the data being compared now: by key when the golden set has one (keyValues
 * = the key column of the current data), else by row number — which needs the very same data.
 */
export function locateGoldenRows(
  golden: GoldenSet,
  current: { digest: string; rows: number; keyValues?: (string | number | null)[] },
): { rows: Uint32Array; unmatched: number } {
  if (golden.key !== null) {
    if (!current.keyValues)
      throw new InputError(
        `the golden set matches rows by key '${golden.key}', but the data has no such column`,
      );
    const index = new Map<string, number>();
    current.keyValues.forEach((v, i) => {
      if (v !== null) index.set(String(v), i);
    });
    const found: number[] = [];
    let unmatched = 0;
    for (const r of golden.rows) {
      const at = r.key === null || r.key === undefined ? undefined : index.get(String(r.key));
      if (at === undefined) unmatched++;
      else found.push(at);
    }
    return { rows: Uint32Array.from(found), unmatched };
  }
  if (golden.source.digest !== current.digest)
    throw new InputError(
      `the golden set was cut from other data (digest ${golden.source.digest.slice(0, 12)}…) and has no key column; ` +
        "compare on the same file, or cut the golden set with --key COL",
    );
  for (const r of golden.rows)
    if (r.row >= current.rows)
      throw new InputError(`golden row ${r.row} is beyond the ${current.rows} rows of the data`);
  return { rows: Uint32Array.from(golden.rows.map((r) => r.row)), unmatched: 0 };
}
