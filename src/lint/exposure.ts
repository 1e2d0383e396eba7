/**
 * Feedback loops (`assay lint --exposure COL`): training rows whose labels an earlier model influenced —
 * a column marks exposure, or holds the deployed model's decision. Reports the model-exposed share of
 * the rows (Wilson interval) and how the label distribution differs between exposed and unexposed rows:
 *  - categorical label (text, boolean, or ≤ 20 distinct numbers): χ² homogeneity on the 2 × k table
 *    (stats/chi2.ts) and each class's share on both sides; for two classes also the difference of the
 *    second class's rate with Newcombe's interval (stats/newcombe.ts);
 *  - numeric label: the difference of means, Welch's t test and interval (compat/abtest/welch.ts).
 * A row is exposed when the column holds one of `exposedValues`, or — without them — when it is not
 * NULL and not a "no" (0, false, no, none, n, f, or empty): a decision recorded is an exposure.
 * Severity: warning when the label distribution differs at p ≤ 0.01 (the labels the model saw are
 * not the labels it would have had), info otherwise. All counting is done by the engine.
 */
import { welchTest } from "../compat/abtest/welch.js";
import { type QueryFn, sqlIdent, sqlString } from "../schema/sql.js";
import { chi2Homogeneity } from "../stats/chi2.js";
import { newcombeDifference } from "../stats/newcombe.js";
import { wilsonInterval } from "../stats/wilson.js";
import { InputError } from "../table/errors.js";
import type { ColumnInfo } from "../table/types.js";
import { finding, type LintFinding, percent } from "./finding.js";

const NO_VALUES = ["0", "0.0", "false", "no", "none", "n", "f", ""];
const MAX_CLASSES = 20;
const P_WARNING = 0.01;

export interface ExposureInput {
  relation: string;
  columns: ColumnInfo[];
  query: QueryFn;
  exposure: string;
  label: string;
  exposedValues?: string[];
  level?: number;
}

export async function exposureFinding(input: ExposureInput): Promise<LintFinding> {
  const { relation, query, exposure, label } = input;
  const level = input.level ?? 0.95;
  for (const name of [exposure, label])
    if (!input.columns.some((c) => c.name === name)) throw new InputError(`no column named '${name}'`);
  if (exposure === label) throw new InputError("--exposure must name a column other than the label");
  const x = sqlIdent(exposure);
  const y = sqlIdent(label);
  const exposed = input.exposedValues
    ? `coalesce(CAST(${x} AS VARCHAR) IN (${input.exposedValues.map(sqlString).join(", ")}), false)`
    : `(${x} IS NOT NULL AND lower(trim(CAST(${x} AS VARCHAR))) NOT IN (${NO_VALUES.map(sqlString).join(", ")}))`;
  const [shares] = await query(
    `SELECT count(*)::DOUBLE AS n, count(*) FILTER (WHERE ${exposed})::DOUBLE AS k FROM ${relation}`,
  );
  const rows = Number(shares.n);
  const exposedRows = Number(shares.k);
  const share = rows > 0 ? exposedRows / rows : null;
  const shareCi = wilsonInterval(exposedRows, rows, level);
  const base = {
    subject: { column: exposure },
    value: share,
    ...(shareCi ? { ci: shareCi } : {}),
    count: exposedRows,
    total: rows,
  };
  const labelType = input.columns.find((c) => c.name === label)!.type;
  const [distinct] = await query(`SELECT count(DISTINCT ${y})::DOUBLE AS d FROM ${relation}`);
  const numeric = labelType !== "string" && labelType !== "boolean" && Number(distinct.d) > MAX_CLASSES;
  const shareText = `${exposedRows} of ${rows} rows (${percent(exposedRows, rows)}) are model-exposed (${exposure})`;
  if (exposedRows === 0 || exposedRows === rows)
    return finding("lint.model_exposure", "info", {
      ...base,
      message: `${shareText}: ${exposedRows === 0 ? "none" : "all"} of them, so the labels cannot be compared`,
    });

  if (numeric) {
    const groups = await query(
      `SELECT ${exposed} AS e, count(${y})::DOUBLE AS n, avg(${y}::DOUBLE) AS m, stddev_samp(${y}::DOUBLE) AS s FROM ${relation} GROUP BY e`,
    );
    const side = (e: boolean) => {
      const g = groups.find((r) => Boolean(r.e) === e)!;
      return { n: Number(g.n), mean: Number(g.m), sd: Number(g.s ?? Number.NaN) };
    };
    const [un, ex] = [side(false), side(true)];
    if (un.n < 2 || ex.n < 2)
      return finding("lint.model_exposure", "info", { ...base, message: `${shareText}; too few labelled rows on a side to compare` });
    const w = welchTest(un, ex, level);
    const differs = w.pValue <= P_WARNING;
    return finding("lint.model_exposure", differs ? "warning" : "info", {
      ...base,
      pValue: w.pValue,
      labelMean: { exposed: ex.mean, unexposed: un.mean },
      meanDifference: { value: w.difference, ci: w.ci, test: "welch" },
      message: `${shareText}; mean ${label} ${fmt(ex.mean)} exposed vs ${fmt(un.mean)} unexposed (difference ${fmt(w.difference)}, ${level * 100}% CI ${fmt(w.ci[0])} to ${fmt(w.ci[1])}, Welch p = ${w.pValue.toPrecision(3)})${differs ? ": the model's decisions shaped these labels" : ""}`,
      ...(differs ? { suggestion: "train on unexposed rows, weight by inverse exposure propensity, or keep a random holdout the model never acts on" } : {}),
    });
  }
  const cells = await query(
    `SELECT ${exposed} AS e, CAST(${y} AS VARCHAR) AS v, count(*)::DOUBLE AS n FROM ${relation} WHERE ${y} IS NOT NULL GROUP BY e, v ORDER BY v`,
  );
  const classes = [...new Set(cells.map((c) => String(c.v)))].sort();
  const counts = (e: boolean) =>
    Float64Array.from(classes, (v) => Number(cells.find((c) => Boolean(c.e) === e && String(c.v) === v)?.n ?? 0));
  const [un, ex] = [counts(false), counts(true)];
  const nUn = un.reduce((a, b) => a + b, 0);
  const nEx = ex.reduce((a, b) => a + b, 0);
  const test = chi2Homogeneity(un, ex);
  const differs = nUn > 0 && nEx > 0 && test.pValue <= P_WARNING;
  const distribution = Object.fromEntries(
    classes.map((v, i) => [v, { exposed: nEx > 0 ? ex[i] / nEx : null, unexposed: nUn > 0 ? un[i] / nUn : null }]),
  );
  let rate: { class: string; difference: number; ci: [number, number] | null } | null = null;
  if (classes.length === 2 && nEx > 0 && nUn > 0) {
    const c = classes[1];
    rate = { class: c, difference: ex[1] / nEx - un[1] / nUn, ci: newcombeDifference(ex[1], nEx, un[1], nUn, level) };
  }
  const rateText = rate
    ? `; rate of ${label} = ${rate.class}: ${fmt(ex[1] / nEx)} exposed vs ${fmt(un[1] / nUn)} unexposed (difference ${fmt(rate.difference)}${rate.ci ? `, ${level * 100}% CI ${fmt(rate.ci[0])} to ${fmt(rate.ci[1])}` : ""})`
    : "";
  return finding("lint.model_exposure", differs ? "warning" : "info", {
    ...base,
    pValue: test.pValue,
    chi2: test.statistic,
    dof: test.dof,
    labelDistribution: distribution,
    labelled: { exposed: nEx, unexposed: nUn },
    ...(rate ? { rateDifference: rate } : {}),
    message: `${shareText}${rateText}; χ² p = ${test.pValue.toPrecision(3)}${differs ? ": the label distribution differs where the model acted — its decisions shaped these labels" : ""}`,
    ...(differs ? { suggestion: "train on unexposed rows, weight by inverse exposure propensity, or keep a random holdout the model never acts on" } : {}),
  });
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a");
