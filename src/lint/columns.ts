import { numbered, type QueryFn, sqlIdent, sqlStringList } from "../schema/sql.js";
import type { ColumnInfo } from "../table/types.js";
import { finding, type LintFinding, percent } from "./finding.js";

/** Cell values that stand for "unknown" although they are not NULL (the adult data's "?"). */
const DISGUISED_MISSING = ["?", "na", "n/a", "nan", "null", "none", "nil", "-", "--", "#n/a", ""];

export interface ColumnFacts {
  info: ColumnInfo;
  present: number;
  distinct: number;
  /** Most frequent value and its count. */
  top: { value: unknown; count: number } | null;
  /** Numeric columns: exact median, MAD (unscaled), quartiles (linear interpolation). */
  median?: number | null;
  mad?: number | null;
  q1?: number | null;
  q3?: number | null;
  /** String columns: how many values parse as numbers, and how many are "?"-like. */
  numeric?: number;
  disguised?: number;
}

/** One scan for every column's counts, distinct values, medians/MADs and string shapes. */
export async function columnFacts(
  relation: string,
  columns: ColumnInfo[],
  query: QueryFn,
): Promise<ColumnFacts[]> {
  const parts: string[] = ["count(*)::DOUBLE AS __rows"];
  columns.forEach((info, i) => {
    const c = sqlIdent(info.name);
    parts.push(`count(${c})::DOUBLE AS p${i}`, `count(DISTINCT ${c})::DOUBLE AS d${i}`);
    if (info.type === "integer" || info.type === "float") {
      const f = `CASE WHEN isfinite(${c}::DOUBLE) THEN ${c}::DOUBLE END`;
      parts.push(
        `median(${f}) AS med${i}`,
        `mad(${f}) AS mad${i}`,
        `quantile_cont(${f}, [0.25, 0.75]) AS iq${i}`,
      );
    }
    if (info.type === "string") {
      const blankFree = `${c} IS NOT NULL AND trim(${c}) <> ''`;
      parts.push(
        `count(*) FILTER (WHERE ${blankFree} AND TRY_CAST(trim(${c}) AS DOUBLE) IS NOT NULL)::DOUBLE AS num${i}`,
        `count(*) FILTER (WHERE list_contains(${sqlStringList(DISGUISED_MISSING)}, lower(trim(${c}))))::DOUBLE AS dm${i}`,
      );
    }
  });
  const [row] = await query(`SELECT ${parts.join(", ")} FROM ${relation}`);
  const facts: ColumnFacts[] = [];
  for (const [i, info] of columns.entries()) {
    const c = sqlIdent(info.name);
    const [top] = await query(
      `SELECT ${c} AS v, count(*)::DOUBLE AS n FROM ${relation} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY n DESC LIMIT 1`,
    );
    const f: ColumnFacts = {
      info,
      present: Number(row[`p${i}`]),
      distinct: Number(row[`d${i}`]),
      top: top ? { value: top.v, count: Number(top.n) } : null,
    };
    if (info.type === "integer" || info.type === "float") {
      const iq = row[`iq${i}`] as number[] | null;
      f.median = nullable(row[`med${i}`]);
      f.mad = nullable(row[`mad${i}`]);
      f.q1 = iq ? Number(iq[0]) : null;
      f.q3 = iq ? Number(iq[1]) : null;
    }
    if (info.type === "string") {
      f.numeric = Number(row[`num${i}`]);
      f.disguised = Number(row[`dm${i}`]);
    }
    facts.push(f);
  }
  return facts;
}

/** Numbers stored as text, mixed types, "?"-style missing values, near-constant columns, identifiers. */
export async function columnFindings(
  relation: string,
  facts: ColumnFacts[],
  query: QueryFn,
  rows: number,
  options: { label?: string; maxExamples: number },
): Promise<LintFinding[]> {
  const out: LintFinding[] = [];
  for (const f of facts) {
    const name = f.info.name;
    const c = sqlIdent(name);
    if (f.info.type === "string" && f.numeric !== undefined && f.present > 0) {
      // "?"-style placeholders are judged by disguised_missing, not counted as text here
      const judged = f.present - (f.disguised ?? 0);
      const textual = judged - f.numeric;
      const share = judged > 0 ? f.numeric / judged : 0;
      if (f.numeric > 0 && share >= 0.95) {
        const examples = await rowsWhere(
          relation,
          `${c} IS NOT NULL AND TRY_CAST(trim(${c}) AS DOUBLE) IS NULL AND NOT list_contains(${sqlStringList(DISGUISED_MISSING)}, lower(trim(${c})))`,
          name,
          query,
          options.maxExamples,
        );
        out.push(
          finding("lint.numbers_as_strings", "warning", {
            subject: { column: name },
            value: share,
            count: f.numeric,
            total: judged,
            message: `'${name}' is stored as text but ${f.numeric} of ${judged} values (${percent(f.numeric, judged)}) are numbers${textual > 0 ? `; ${textual} are not` : ""}`,
            examples,
            suggestion: `read '${name}' as a number (the rows shown are the ones that would not parse)`,
          }),
        );
      } else if (f.numeric > 0 && share >= 0.05 && textual > 0) {
        out.push(
          finding("lint.mixed_types", "warning", {
            subject: { column: name },
            value: share,
            count: f.numeric,
            total: judged,
            message: `'${name}' mixes numbers (${f.numeric}, ${percent(f.numeric, judged)}) and text (${textual})`,
            examples: await rowsWhere(
              relation,
              `TRY_CAST(trim(${c}) AS DOUBLE) IS NOT NULL`,
              name,
              query,
              options.maxExamples,
            ),
          }),
        );
      }
      if ((f.disguised ?? 0) > 0) {
        const [tokens] = await query(
          `SELECT list(DISTINCT ${c}) AS v FROM ${relation} WHERE list_contains(${sqlStringList(DISGUISED_MISSING)}, lower(trim(${c})))`,
        );
        const values = ((tokens?.v as string[] | null) ?? []).map((v) => `'${v}'`).join(", ");
        out.push(
          finding("lint.disguised_missing", "warning", {
            subject: { column: name },
            value: (f.disguised ?? 0) / f.present,
            count: f.disguised,
            total: f.present,
            message: `${f.disguised} values of '${name}' (${percent(f.disguised ?? 0, f.present)}) are ${values}: missing values that are not NULL`,
            examples: await rowsWhere(
              relation,
              `list_contains(${sqlStringList(DISGUISED_MISSING)}, lower(trim(${c})))`,
              name,
              query,
              options.maxExamples,
            ),
            suggestion: `read ${values} as NULL (e.g. DuckDB read_csv(nullstr = …)) so missingness is counted as such`,
          }),
        );
      }
    }
    if (f.top && f.present > 0 && rows > 1) {
      const share = f.top.count / f.present;
      if (f.distinct <= 1 || share >= 0.99) {
        out.push(
          finding("lint.near_constant", "warning", {
            subject: { column: name },
            value: share,
            count: f.present - f.top.count,
            total: f.present,
            message:
              f.distinct <= 1
                ? `'${name}' holds one value (${JSON.stringify(f.top.value)}): it carries no information`
                : `'${name}' is ${JSON.stringify(f.top.value)} in ${percent(f.top.count, f.present)} of rows; only ${f.present - f.top.count} differ`,
            suggestion: "drop it as a feature, or check that it was not filled by a default",
          }),
        );
      }
    }
    const identifierLike =
      name !== options.label &&
      (f.info.type === "string" || f.info.type === "integer") &&
      f.present >= 100 &&
      f.distinct / f.present >= 0.9;
    if (identifierLike) {
      out.push(
        finding("lint.identifier", "warning", {
          subject: { column: name },
          value: f.distinct / f.present,
          count: f.distinct,
          total: f.present,
          message: `'${name}' has ${f.distinct} distinct values in ${f.present} rows (${percent(f.distinct, f.present)}): an identifier, which a model memorises rather than learns from`,
          suggestion: `exclude '${name}' from the features (keep it as a key)`,
        }),
      );
    }
  }
  return out;
}

/** The first rows (0-based row number and value of `column`) matching a predicate. */
async function rowsWhere(
  relation: string,
  predicate: string,
  column: string,
  query: QueryFn,
  limit: number,
): Promise<{ row: number; value: unknown }[]> {
  if (limit <= 0) return [];
  const rows = await query(
    `SELECT __row, ${sqlIdent(column)} AS v FROM ${numbered(relation)} WHERE ${predicate} ORDER BY __row LIMIT ${limit}`,
  );
  return rows.map((r) => ({ row: Number(r.__row), value: r.v }));
}

function nullable(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
