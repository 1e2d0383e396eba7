import { numbered, type QueryFn, sqlIdent } from "../schema/sql.js";
import { aucFromGroups } from "./auc.js";
import type { ColumnFacts } from "./columns.js";
import { crossFittedAuc, type FoldCell, foldSql } from "./cross-fitted.js";
import { finding, type LintFinding, percent } from "./finding.js";
import { normalizedMutualInformation } from "./mutual-information.js";

/**
 * Thresholds of the leakage screen, on the out-of-fold AUC: ≥ 0.95 or NMI ≥ 0.9 is an error; AUC ≥ 0.9
 * or NMI ≥ 0.5 a warning. Out of fold, no legitimate column of adult, german credit or flights reaches
 * 0.78 (docs/schema.md §8), while an outcome recorded with 3% noise scores 0.96.
 */
export const LEAKAGE = { aucError: 0.95, aucWarning: 0.9, nmiError: 0.9, nmiWarning: 0.5 };
/** Mutual information is read only when the label has at least this many rows per distinct value. */
const NMI_ROWS_PER_VALUE = 20;
const ORDERED_TYPES = new Set(["integer", "float", "date", "timestamp"]);
/** NULL is a category of its own: a column that is empty exactly when the outcome is negative leaks. */
const NULL_CATEGORY = "\u0000null";

function orderExpression(x: string, type: string): string {
  return type === "date" || type === "timestamp"
    ? `epoch_ms(CAST(${x} AS TIMESTAMP))::DOUBLE`
    : `${x}::DOUBLE`;
}

/** The (value, label) counts of the fold groups, folds added up; NULL values left out. */
function acrossFolds(groups: Record<string, unknown>[]): { x: string; y: string; n: number }[] {
  const cells = new Map<string, { x: string; y: string; n: number }>();
  for (const g of groups) {
    if (g.x === null || g.x === undefined) continue;
    const x = String(g.x);
    const y = String(g.y);
    const key = `${x}\u0000${y}`;
    const cell = cells.get(key) ?? { x, y, n: 0 };
    cell.n += Number(g.n);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

/** Ascending with NaN last, as DuckDB orders it. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return a - b;
}
/** A class holding less than this share of labelled rows makes the label imbalanced. */
const MINORITY_SHARE = 0.1;

export async function labelFindings(
  relation: string,
  label: string,
  facts: ColumnFacts[],
  query: QueryFn,
  maxExamples: number,
): Promise<LintFinding[]> {
  const out: LintFinding[] = [];
  const y = sqlIdent(label);
  const classes = (
    await query(
      `SELECT CAST(${y} AS VARCHAR) AS v, count(*)::DOUBLE AS n FROM ${relation} WHERE ${y} IS NOT NULL GROUP BY v ORDER BY n DESC, v`,
    )
  ).map((r) => ({ value: String(r.v), count: Number(r.n) }));
  const labelled = classes.reduce((s, c) => s + c.count, 0);

  // class imbalance
  if (classes.length >= 2) {
    const minority = classes[classes.length - 1];
    const majority = classes[0];
    const share = minority.count / labelled;
    const shares = Object.fromEntries(classes.map((c) => [c.value, c.count / labelled]));
    out.push(
      finding("lint.class_imbalance", share < MINORITY_SHARE ? "warning" : "info", {
        subject: { column: label },
        value: share,
        threshold: MINORITY_SHARE,
        count: minority.count,
        total: labelled,
        shares,
        imbalanceRatio: majority.count / minority.count,
        message: `smallest class '${minority.value}' holds ${percent(minority.count, labelled)} of ${labelled} labelled rows (majority/minority = ${(majority.count / minority.count).toFixed(2)})${share < MINORITY_SHARE ? `; below ${MINORITY_SHARE * 100}%: use stratified splits, class weights and per-class metrics` : ""}`,
      }),
    );
  } else {
    out.push(
      finding("lint.class_imbalance", "warning", {
        subject: { column: label },
        value: null,
        total: labelled,
        message: `the label '${label}' has ${classes.length} class${classes.length === 1 ? "" : "es"}: nothing to learn`,
      }),
    );
  }

  const features = facts.filter((f) => f.info.name !== label);
  // conflicting labels: identical features, different labels
  if (features.length > 0) {
    const key = `hash(${features.map((f) => sqlIdent(f.info.name)).join(", ")})`;
    const conflictKeys = `SELECT ${key} AS h FROM ${relation} WHERE ${y} IS NOT NULL GROUP BY h HAVING count(DISTINCT ${y}) > 1`;
    const [summary] = await query(
      `SELECT count(*)::DOUBLE AS groups, coalesce(sum(n), 0)::DOUBLE AS rows FROM (SELECT count(*) AS n FROM ${relation} WHERE ${y} IS NOT NULL GROUP BY ${key} HAVING count(DISTINCT ${y}) > 1)`,
    );
    const groups = Number(summary.groups);
    const rows = Number(summary.rows);
    const examples =
      groups > 0 && maxExamples > 0
        ? (
            await query(
              `SELECT __row, CAST(${y} AS VARCHAR) AS label, __h FROM (SELECT __row, ${y}, ${key} AS __h FROM ${numbered(relation)}) WHERE __h IN (${conflictKeys}) ORDER BY __h, __row LIMIT ${maxExamples * 2}`,
            )
          ).map((r) => ({ row: Number(r.__row), label: r.label, group: String(r.__h) }))
        : [];
    out.push(
      finding("lint.conflicting_labels", groups > 0 ? "warning" : "info", {
        subject: { column: label },
        value: labelled > 0 ? rows / labelled : null,
        count: rows,
        total: labelled,
        groups,
        message:
          groups > 0
            ? `${rows} rows in ${groups} groups share every feature value but not the label (${percent(rows, labelled)}): label noise, or features that miss what decides the label`
            : "no rows share all feature values with a different label",
        ...(groups > 0 ? { examples } : {}),
      }),
    );
  }

  // leakage: one feature that predicts the label almost perfectly, scored out of fold
  const binary = classes.length === 2;
  const positive = binary ? classes[1].value : null; // the minority class
  const screened: { column: string; auc: number | null; nmi: number | null }[] = [];
  for (const f of features) {
    if (f.distinct > 200_000) continue;
    const x = sqlIdent(f.info.name);
    const ordered = ORDERED_TYPES.has(f.info.type);
    const order = ordered ? orderExpression(x, f.info.type) : "NULL";
    const groups = await query(
      `SELECT ${x} AS x, ${order} AS ord, ${foldSql("__row")} AS fold, CAST(${y} AS VARCHAR) AS y, count(*)::DOUBLE AS n FROM ${numbered(relation)} WHERE ${y} IS NOT NULL GROUP BY ALL`,
    );
    let auc: number | null = null;
    if (binary) {
      const cells = new Map<string, FoldCell>();
      const byOrder = new Map<number, { positives: number; negatives: number }>();
      for (const g of groups) {
        const category = g.x === null || g.x === undefined ? NULL_CATEGORY : String(g.x);
        const key = `${g.fold}\u0000${category}`;
        const cell = cells.get(key) ?? { category, fold: Number(g.fold), positives: 0, negatives: 0 };
        const isPositive = String(g.y) === positive;
        if (isPositive) cell.positives += Number(g.n);
        else cell.negatives += Number(g.n);
        cells.set(key, cell);
        if (ordered && g.ord !== null && g.ord !== undefined) {
          const entry = byOrder.get(Number(g.ord)) ?? { positives: 0, negatives: 0 };
          if (isPositive) entry.positives += Number(g.n);
          else entry.negatives += Number(g.n);
          byOrder.set(Number(g.ord), entry);
        }
      }
      const candidates = [crossFittedAuc([...cells.values()])];
      if (ordered) {
        // the raw order needs no fitting but a direction, so it is not optimistic
        const sorted = [...byOrder].sort((a, b) => compareNumbers(a[0], b[0])).map(([, v]) => v);
        candidates.push(aucFromGroups(sorted));
      }
      for (const raw of candidates) if (raw !== null) auc = Math.max(auc ?? 0, raw, 1 - raw);
    }
    // the plug-in mutual information of a column with few rows per value is biased upwards (a
    // surname "determines" the label in-sample), so it is only read where values repeat
    const nmi =
      (ordered && f.distinct > 50) || labelled < NMI_ROWS_PER_VALUE * f.distinct
        ? null
        : normalizedMutualInformation(acrossFolds(groups));
    screened.push({ column: f.info.name, auc, nmi });
  }
  for (const s of screened) {
    const error = (s.auc ?? 0) >= LEAKAGE.aucError || (s.nmi ?? 0) >= LEAKAGE.nmiError;
    const warning = (s.auc ?? 0) >= LEAKAGE.aucWarning || (s.nmi ?? 0) >= LEAKAGE.nmiWarning;
    if (!error && !warning) continue;
    out.push(
      finding("lint.label_leakage", error ? "error" : "warning", {
        subject: { column: s.column },
        value: s.auc ?? s.nmi,
        auc: s.auc,
        nmi: s.nmi,
        message: `'${s.column}' alone predicts '${label}'${s.auc !== null ? ` with AUC ${s.auc.toFixed(4)} out of fold` : ""}${s.nmi !== null ? ` (normalised mutual information ${s.nmi.toFixed(3)})` : ""}: a leak from the label or from the future?`,
        suggestion: `check how '${s.column}' is produced; drop it if it is known only after the label`,
      }),
    );
  }
  const best = [...screened].sort((a, b) => (b.auc ?? b.nmi ?? 0) - (a.auc ?? a.nmi ?? 0))[0];
  if (!out.some((r) => r.check === "lint.label_leakage"))
    out.push(
      finding("lint.label_leakage", "info", {
        subject: { column: label },
        value: best ? (best.auc ?? best.nmi) : null,
        screened: screened,
        message: best
          ? `no single feature predicts '${label}' suspiciously well; strongest: '${best.column}'${best.auc !== null ? ` AUC ${best.auc.toFixed(3)}` : ""}${best.nmi !== null ? ` NMI ${best.nmi.toFixed(3)}` : ""}`
          : "no feature could be screened",
      }),
    );
  return out;
}
