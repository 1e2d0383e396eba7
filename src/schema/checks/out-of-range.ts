import { complement, nullableNum, num, pct, pctOf } from "../anomaly.js";
import { sqlNumber } from "../sql.js";
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
    return {
      column: name,
      predicate,
      result: {
        ...fields,
        expected: { min, max, mostly: 1 - tolerance },
        found: { min: lo, max: hi, outside: k },
        message: `${k} of ${nFinite} values outside [${min ?? "−∞"}, ${max ?? "+∞"}] (${pct(k, nFinite)}; batch min ${lo}, max ${hi}); the contract allows ${pctOf(tolerance)}`,
        ...(fields.status !== "pass"
          ? {
              suggestion: `if these values are right, widen columns.${name}.range to {min: ${Math.min(min ?? lo ?? 0, lo ?? 0)}, max: ${Math.max(max ?? hi ?? 0, hi ?? 0)}}`,
            }
          : {}),
      },
    };
  };
}
