import { type KAnonymity, kAnonymity } from "../privacy/k-anonymity.js";
import { type QueryFn, sqlIdent } from "../schema/sql.js";
import { finding, type LintFinding, percent } from "./finding.js";

/** The group sizes of the quasi-identifiers, counted by the engine (two GROUP BYs, no rows leave it). */
export async function measureKAnonymity(
  relation: string,
  columns: string[],
  query: QueryFn,
  threshold: number,
): Promise<KAnonymity> {
  const key = columns.map(sqlIdent).join(", ");
  const sizes = await query(
    `SELECT g::DOUBLE AS size, count(*)::DOUBLE AS groups FROM (SELECT count(*) AS g FROM ${relation} GROUP BY ${key}) GROUP BY g ORDER BY g`,
  );
  return kAnonymity(
    columns,
    sizes.map((r) => ({ size: Number(r.size), groups: Number(r.groups) })),
    threshold,
  );
}

/** lint.k_anonymity: a warning when some combination of the quasi-identifiers is shared by fewer than k rows. */
export function kAnonymityFinding(m: KAnonymity): LintFinding {
  const below = m.k < m.threshold;
  return finding("lint.k_anonymity", below ? "warning" : "info", {
    subject: { column: m.columns.join(",") },
    value: m.k,
    threshold: m.threshold,
    count: m.rowsBelowThreshold,
    total: m.rows,
    uniqueRows: m.uniqueRows,
    uniqueShare: m.uniqueShare,
    groups: m.groups,
    message: below
      ? `(${m.columns.join(", ")}) is only ${m.k}-anonymous: ${m.rowsBelowThreshold} of ${m.rows} rows (${percent(m.rowsBelowThreshold, m.rows)}) share their combination with fewer than ${m.threshold - 1} others, ${m.uniqueRows} (${percent(m.uniqueRows, m.rows)}) with none`
      : `(${m.columns.join(", ")}) is ${m.k}-anonymous (every combination is shared by at least ${m.threshold} rows)`,
    ...(below
      ? {
          suggestion:
            "generalise the columns (bands for ages, regions for places) or suppress the rare combinations",
        }
      : {}),
  });
}
