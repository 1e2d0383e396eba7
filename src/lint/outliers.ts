import { formatSignificant } from "../report/format.js";
import { numbered, type QueryFn, sqlIdent, sqlNumber } from "../schema/sql.js";
import type { ColumnFacts } from "./columns.js";
import { finding, type LintFinding, percent } from "./finding.js";

/**
 * Outliers, by the modified z-score of Iglewicz & Hoaglin (1993): z = 0.6745·(x − median)/MAD,
 * an outlier when |z| > 3.5. The MAD is robust to the outliers it hunts (unlike mean ± k·sd).
 * When MAD = 0 (more than half the values are equal, e.g. capital-gain = 0), the z-score is
 * undefined and Tukey's far-out fences take over: below Q1 − 3·IQR or above Q3 + 3·IQR. When the
 * IQR is 0 too, the column is mostly one value: near_constant speaks for it, not this check.
 */
const MODIFIED_Z_LIMIT = 3.5;
const TUKEY_FAR_OUT = 3;
/** Above this fraction of flagged values the finding is informational (a shape, not a few bad values). */
const RARE_OUTLIERS = 0.01;

interface OutlierRule {
  method: "modified_z" | "tukey_far_out";
  low: number;
  high: number;
  description: string;
}

export function outlierRule(f: Pick<ColumnFacts, "median" | "mad" | "q1" | "q3">): OutlierRule | null {
  const { median, mad, q1, q3 } = f;
  if (median === null || median === undefined) return null;
  if (mad !== null && mad !== undefined && mad > 0) {
    const half = (MODIFIED_Z_LIMIT * mad) / 0.6745;
    return {
      method: "modified_z",
      low: median - half,
      high: median + half,
      description: `modified z-score |0.6745·(x − ${fmt(median)}) / ${fmt(mad)}| > ${MODIFIED_Z_LIMIT} (median, MAD)`,
    };
  }
  if (q1 === null || q3 === null || q1 === undefined || q3 === undefined || q3 - q1 <= 0) return null;
  const iqr = q3 - q1;
  return {
    method: "tukey_far_out",
    low: q1 - TUKEY_FAR_OUT * iqr,
    high: q3 + TUKEY_FAR_OUT * iqr,
    description: `outside Tukey's far-out fences [Q1 − 3·IQR, Q3 + 3·IQR] = [${fmt(q1 - 3 * iqr)}, ${fmt(q3 + 3 * iqr)}] (MAD is 0)`,
  };
}

export async function outlierFindings(
  relation: string,
  facts: ColumnFacts[],
  query: QueryFn,
  maxExamples: number,
): Promise<LintFinding[]> {
  const planned = facts
    .map((f) => ({ f, rule: outlierRule(f) }))
    .filter((p): p is { f: ColumnFacts; rule: OutlierRule } => p.rule !== null);
  if (planned.length === 0) return [];
  const parts = planned.map(({ f, rule }, i) => {
    const v = `${sqlIdent(f.info.name)}::DOUBLE`;
    const outside = `isfinite(${v}) AND (${v} < ${sqlNumber(rule.low)} OR ${v} > ${sqlNumber(rule.high)})`;
    const distance = `abs(${v} - ${sqlNumber(f.median ?? 0)})`;
    return (
      `count(*) FILTER (WHERE ${outside})::DOUBLE AS n${i}, ` +
      `arg_max(__row, ${distance}, ${Math.max(1, maxExamples)}) FILTER (WHERE ${outside}) AS r${i}`
    );
  });
  const [row] = await query(`SELECT ${parts.join(", ")} FROM ${numbered(relation)}`);
  const wanted = new Set<number>();
  planned.forEach((_, i) => {
    for (const r of ((row[`r${i}`] as number[] | null) ?? []).slice(0, maxExamples)) wanted.add(Number(r));
  });
  const records =
    wanted.size > 0
      ? await query(`SELECT * FROM ${numbered(relation)} WHERE __row IN (${[...wanted].join(", ")})`)
      : [];
  const byRow = new Map(records.map((r) => [Number(r.__row), r]));
  const out: LintFinding[] = [];
  planned.forEach(({ f, rule }, i) => {
    const k = Number(row[`n${i}`]);
    const examples = ((row[`r${i}`] as number[] | null) ?? [])
      .slice(0, maxExamples)
      .map((r) => ({ row: Number(r), value: showNumber(byRow.get(Number(r))?.[f.info.name]) }));
    // A few extreme values are candidates for errors; many are a heavy tail or a second mode.
    const fraction = f.present > 0 ? k / f.present : 0;
    const rare = k > 0 && fraction <= RARE_OUTLIERS;
    out.push(
      finding("lint.outliers", rare ? "warning" : "info", {
        subject: { column: f.info.name },
        value: f.present > 0 ? k / f.present : null,
        count: k,
        total: f.present,
        method: rule.method,
        fences: [rule.low, rule.high],
        message:
          k === 0
            ? `no outliers in '${f.info.name}' by ${rule.description}`
            : rare
              ? `${k} values of '${f.info.name}' (${percent(k, f.present)}) are outliers: ${rule.description}; the most extreme are shown`
              : `${k} values of '${f.info.name}' (${percent(k, f.present)}) lie beyond ${rule.description}: more than ${RARE_OUTLIERS * 100}% is a heavy tail or a second mode, not a few bad values`,
        ...(k > 0 ? { examples } : {}),
      }),
    );
  });
  return out;
}

const fmt = (x: number) => formatSignificant(x, 6);

function showNumber(v: unknown): unknown {
  return typeof v === "number" && !Number.isFinite(v) ? String(v) : v;
}
