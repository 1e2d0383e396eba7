import { complement, nullableNum, num, pct, pctOf } from "../anomaly.js";
import { sqlNumber } from "../sql.js";
import { severityFor } from "../verdict.js";
import { type ColumnScan, finite, finiteCount, type Judge, rateCheck, type Scan } from "./scan.js";

/** The rows whose finite value breaks the contract's range; null when the contract has no bound. */
function rangePredicate(col: ColumnScan): string | null {
  const v = col.numeric;
  const range = col.contract.range;
  if (!v || !range) return null;
  const parts: string[] = [];
  if (range.min !== null) parts.push(`${v} < ${sqlNumber(range.min)}`);
  if (range.max !== null) parts.push(`${v} > ${sqlNumber(range.max)}`);
  return parts.length > 0 ? `${finite(col, v)} AND (${parts.join(" OR ")})` : null;
}

/**
 * The rows whose finite value has a sign the range excludes: negative under a range from min ≥ 0,
 * positive under one up to max ≤ 0 (a range from 0 to 0 excludes both). Null when the range allows both.
 */
function signPredicate(col: ColumnScan): string | null {
  const v = col.numeric;
  const range = col.contract.range;
  if (!v || !range) return null;
  const parts: string[] = [];
  if (range.min !== null && range.min >= 0) parts.push(`${v} < 0`);
  if (range.max !== null && range.max <= 0) parts.push(`${v} > 0`);
  return parts.length > 0 ? `${finite(col, v)} AND (${parts.join(" OR ")})` : null;
}

/** Alias of the count of values outside the range; null without a range. */
export function outsideCount(col: ColumnScan, scan: Scan): string | null {
  const predicate = rangePredicate(col);
  return predicate ? scan.add(`count(*) FILTER (WHERE ${predicate})::DOUBLE`) : null;
}

/** schema.out_of_range: finite values outside [min, max], against the range's `mostly`. */
export function planOutOfRange(col: ColumnScan, scan: Scan): Judge | null {
  const v = col.numeric;
  const range = col.contract.range;
  const predicate = rangePredicate(col);
  if (!v || !range || !predicate) return null;
  const outside = outsideCount(col, scan)!;
  const finiteAlias = finiteCount(col, scan);
  const minA = scan.add(col.integral ? `min(${v})::DOUBLE` : `min(${v}) FILTER (WHERE isfinite(${v}))`);
  const maxA = scan.add(col.integral ? `max(${v})::DOUBLE` : `max(${v}) FILTER (WHERE isfinite(${v}))`);
  const wrongSign = signPredicate(col);
  const wrongSignA = wrongSign ? scan.add(`count(*) FILTER (WHERE ${wrongSign})::DOUBLE`) : null;
  const { schema, contract } = col;
  const name = contract.name;
  return (row) => {
    const k = num(row[outside]);
    const nFinite = finiteAlias ? num(row[finiteAlias]) : num(row[col.present]);
    const { tolerance, fields } = rateCheck(
      schema,
      "schema.out_of_range",
      k,
      nFinite,
      complement(range.mostly),
      contract,
    );
    const lo = nullableNum(row[minA]);
    const hi = nullableNum(row[maxA]);
    const { min, max } = range;
    const crossed = wrongSignA ? num(row[wrongSignA]) : 0;
    // The tolerance allows for new extremes (chance 2/(n+1)); a value across zero from a range that
    // never crossed it is not an extreme but an impossible amount: within tolerance it still warns.
    if (
      crossed > 0 &&
      fields.status === "pass" &&
      severityFor(schema, "schema.out_of_range", contract) !== "info"
    )
      Object.assign(fields, { status: "warn", severity: "warning" });
    const sign =
      crossed > 0
        ? `; ${crossed} ${min !== null && min >= 0 ? "negative" : "positive"} where the reference range has none`
        : "";
    return {
      column: name,
      predicate,
      result: {
        ...fields,
        expected: { min, max, mostly: 1 - tolerance },
        found: { min: lo, max: hi, outside: k },
        message: `${k} of ${nFinite} values outside [${min ?? "−∞"}, ${max ?? "+∞"}] (${pct(k, nFinite)}; batch min ${lo}, max ${hi})${sign}; the contract allows ${pctOf(tolerance)}`,
        ...(fields.status !== "pass"
          ? {
              suggestion: `if these values are right, widen columns.${name}.range to {min: ${Math.min(min ?? lo ?? 0, lo ?? 0)}, max: ${Math.max(max ?? hi ?? 0, hi ?? 0)}}`,
            }
          : {}),
      },
    };
  };
}
