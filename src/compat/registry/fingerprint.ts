/**
 * A dataset's fingerprint: a small profile kept in the registry (row count; per column its type,
 * missing count, and mean/SD for numbers or the distinct count for text). When a registered dataset's
 * digest changes, comparing the fingerprint then and now says what changed — the drift summary.
 */

import { formatShare, formatSignificant } from "../../report/format.js";

export interface ColumnFingerprint {
  name: string;
  type: string;
  missing: number;
  mean?: number | null;
  sd?: number | null;
  distinct?: number | null;
}

export interface DatasetFingerprint {
  rows: number;
  columns: ColumnFingerprint[];
}

export interface FingerprintChange {
  kind:
    | "rows"
    | "column_added"
    | "column_removed"
    | "type_changed"
    | "missing_rate"
    | "mean_shift"
    | "distinct";
  column?: string;
  before?: number | string | null;
  after?: number | string | null;
  /** Size of the change on a common scale (relative change, rate change or mean shift in SDs). */
  size?: number;
  message: string;
}

/** Thresholds below which a change is not worth reporting. */
const FINGERPRINT_THRESHOLDS = {
  /** Relative change of the row count. */
  rows: 0,
  /** Absolute change of a column's missing rate. */
  missingRate: 0.01,
  /** |Δmean| / SD before (a standardised mean difference). */
  meanShift: 0.1,
  /** Relative change of the distinct count. */
  distinct: 0.1,
};

export function compareFingerprints(
  before: DatasetFingerprint,
  after: DatasetFingerprint,
): FingerprintChange[] {
  const changes: FingerprintChange[] = [];
  if (before.rows !== after.rows)
    changes.push({
      kind: "rows",
      before: before.rows,
      after: after.rows,
      ...(before.rows > 0 ? { size: (after.rows - before.rows) / before.rows } : {}),
      message: `rows ${before.rows} → ${after.rows}`,
    });
  const old = new Map(before.columns.map((c) => [c.name, c]));
  const now = new Map(after.columns.map((c) => [c.name, c]));
  for (const c of before.columns)
    if (!now.has(c.name))
      changes.push({ kind: "column_removed", column: c.name, message: `column '${c.name}' removed` });
  for (const c of after.columns)
    if (!old.has(c.name))
      changes.push({ kind: "column_added", column: c.name, message: `column '${c.name}' added` });
  for (const b of before.columns) {
    const a = now.get(b.name);
    if (!a) continue;
    if (a.type !== b.type) {
      changes.push({
        kind: "type_changed",
        column: b.name,
        before: b.type,
        after: a.type,
        message: `'${b.name}' type ${b.type} → ${a.type}`,
      });
      continue;
    }
    const rateBefore = before.rows > 0 ? b.missing / before.rows : 0;
    const rateAfter = after.rows > 0 ? a.missing / after.rows : 0;
    if (Math.abs(rateAfter - rateBefore) >= FINGERPRINT_THRESHOLDS.missingRate)
      changes.push({
        kind: "missing_rate",
        column: b.name,
        before: rateBefore,
        after: rateAfter,
        size: rateAfter - rateBefore,
        message: `'${b.name}' missing ${pct(rateBefore)} → ${pct(rateAfter)}`,
      });
    if (typeof b.mean === "number" && typeof a.mean === "number") {
      const scale = b.sd && b.sd > 0 ? b.sd : Math.abs(b.mean) || 1;
      const shift = (a.mean - b.mean) / scale;
      if (Math.abs(shift) >= FINGERPRINT_THRESHOLDS.meanShift)
        changes.push({
          kind: "mean_shift",
          column: b.name,
          before: b.mean,
          after: a.mean,
          size: shift,
          message: `'${b.name}' mean ${round(b.mean)} → ${round(a.mean)} (${shift >= 0 ? "+" : ""}${round(shift)} SD)`,
        });
    }
    if (typeof b.distinct === "number" && typeof a.distinct === "number" && b.distinct !== a.distinct) {
      const relative = (a.distinct - b.distinct) / Math.max(1, b.distinct);
      if (Math.abs(relative) >= FINGERPRINT_THRESHOLDS.distinct || b.distinct <= 50)
        changes.push({
          kind: "distinct",
          column: b.name,
          before: b.distinct,
          after: a.distinct,
          size: relative,
          message: `'${b.name}' distinct values ${b.distinct} → ${a.distinct}`,
        });
    }
  }
  return changes;
}

const pct = (x: number) => formatShare(x);
const round = (x: number) => formatSignificant(x, 4);
