/**
 * What a reader of a profile should look at first, read off the profile alone (as ydata-profiling's
 * alerts): constant, mostly missing, mostly zero, imbalanced, unique (an id), high cardinality, mixed
 * types, numbers stored as text, non-finite values, text decoded with the wrong encoding. Descriptions, not checks: they do not change the
 * report's status (the profile.* checks do that).
 */
import { formatShare } from "../report/format.js";
import type { ColumnProfile } from "./types.js";

export type ProfileAlertKind =
  | "constant"
  | "missing"
  | "zeros"
  | "imbalanced"
  | "unique"
  | "high_cardinality"
  | "mixed_types"
  | "numbers_as_strings"
  | "non_finite"
  | "encoding";

export interface ProfileAlert {
  column: string;
  kind: ProfileAlertKind;
  message: string;
}

/** The thresholds, written in docs/dashboard.md ("Reports"): shares of the column's present values. */
export const ALERT_LIMITS = {
  missing: 0.2,
  zeros: 0.5,
  imbalanced: 0.9,
  highCardinality: 50,
} as const;

/**
 * Text decoded with the wrong encoding: the replacement character, or UTF-8 read as Latin-1 ("SÃ£o Paulo"
 * for "São Paulo": Ã or Â followed by a second byte of a UTF-8 sequence).
 */
const MISDECODED = /\uFFFD|[ÃÂ][\u0080-\u00BF]/;

export function profileAlerts(columns: readonly ColumnProfile[], rows: number): ProfileAlert[] {
  const alerts: ProfileAlert[] = [];
  for (const c of columns) {
    const add = (kind: ProfileAlertKind, message: string) => alerts.push({ column: c.name, kind, message });
    if (rows > 0 && c.missing / rows > ALERT_LIMITS.missing)
      add("missing", `${formatShare(c.missing, rows)} of rows are missing`);
    if (c.count > 0 && c.distinct === 1 && c.distinctExact)
      add("constant", `one value only (${c.top[0]?.value})`);
    const numeric = c.type === "integer" || c.type === "float";
    // a 0/1 column is mostly zero by nature; the imbalance alert speaks for it
    if (numeric && c.count > 0 && c.zeros / c.count > ALERT_LIMITS.zeros && c.distinct > 2)
      add("zeros", `${formatShare(c.zeros, c.count)} of values are 0`);
    const top = c.top[0];
    if (top && c.count > 0 && c.distinct > 1 && c.distinct <= ALERT_LIMITS.highCardinality) {
      const share = top.count / c.count;
      if (share > ALERT_LIMITS.imbalanced)
        add("imbalanced", `${formatShare(share)} of values are ${top.value}`);
    }
    if (c.type === "string" && c.count > 1 && c.distinctExact && c.distinct === c.count)
      add("unique", "every value differs (an id?)");
    else if (c.type === "string" && c.distinct > ALERT_LIMITS.highCardinality)
      add(
        "high_cardinality",
        `${c.distinctExact ? "" : "≈ "}${c.distinct.toLocaleString("en-US")} distinct values`,
      );
    if (c.inferred.issue === "mixed_types")
      add(
        "mixed_types",
        `text mixed with numbers${c.nonNumericExamples?.length ? `: ${c.nonNumericExamples.map((x) => JSON.stringify(x)).join(", ")}` : ""}`,
      );
    if (c.inferred.issue === "numbers_as_strings") add("numbers_as_strings", `numbers stored as text`);
    const misdecoded = c.top.find((t) => typeof t.value === "string" && MISDECODED.test(t.value));
    if (misdecoded) add("encoding", `values look wrongly decoded, e.g. ${JSON.stringify(misdecoded.value)}`);
    if (c.nan + c.posInf + c.negInf > 0)
      add("non_finite", `${c.nan} NaN, ${c.posInf} +Inf, ${c.negInf} −Inf`);
  }
  return alerts;
}
