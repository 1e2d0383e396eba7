import { numbered, type QueryFn, sqlIdent } from "../schema/sql.js";
import { aucFromGroups, targetEncodedAuc } from "./auc.js";
import type { ColumnFacts } from "./columns.js";
import { finding, type LintFinding, percent } from "./finding.js";
import { normalizedMutualInformation } from "./mutual-information.js";

/** Thresholds of the leakage screen: AUC ≥ 0.99 or NMI ≥ 0.9 is an error; AUC ≥ 0.9 or NMI ≥ 0.5 a warning. */
const LEAKAGE = { aucError: 0.99, aucWarning: 0.9, nmiError: 0.9, nmiWarning: 0.5 };
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

  // leakage: one feature that predicts the label almost perfectly
  const binary = classes.length === 2;
  const positive = binary ? classes[1].value : null; // the minority class
  const screened: { column: string; auc: number | null; nmi: number | null }[] = [];
  for (const f of features) {
    const x = sqlIdent(f.info.name);
    const identifier = f.present >= 100 && f.distinct / f.present >= 0.9;
    const numeric = f.info.type === "integer" || f.info.type === "float";
    if (identifier && !numeric) continue; // a lookup on an identifier is perfect in-sample and meaningless
    if (f.distinct > 200_000) continue;
    const groups = await query(
      `SELECT ${x} AS x, CAST(${y} AS VARCHAR) AS y, count(*)::DOUBLE AS n FROM ${relation} WHERE ${y} IS NOT NULL AND ${x} IS NOT NULL GROUP BY ALL ORDER BY x`,
    );
    let auc: number | null = null;
    if (binary) {
      const byValue = new Map<string, { positives: number; negatives: number }>();
      for (const g of groups) {
        const k = String(g.x);
        const entry = byValue.get(k) ?? { positives: 0, negatives: 0 };
        if (String(g.y) === positive) entry.positives += Number(g.n);
        else entry.negatives += Number(g.n);
        byValue.set(k, entry);
      }
      const ordered = [...byValue.values()];
      const raw = numeric ? aucFromGroups(ordered) : targetEncodedAuc(ordered);
      auc = raw === null ? null : Math.max(raw, 1 - raw);
    }
    const nmi =
      numeric && f.distinct > 50
        ? null
        : normalizedMutualInformation(
            groups.map((g) => ({ x: String(g.x), y: String(g.y), n: Number(g.n) })),
          );
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
        message: `'${s.column}' alone predicts '${label}'${s.auc !== null ? ` with AUC ${s.auc.toFixed(4)}` : ""}${s.nmi !== null ? ` (normalised mutual information ${s.nmi.toFixed(3)})` : ""}: a leak from the label or from the future?`,
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
