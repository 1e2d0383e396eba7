import { aucFromGroups } from "./auc.js";

/** Folds of the cross-fitted encoding. */
const LEAKAGE_FOLDS = 5;

/**
 * A row's fold: Knuth's multiplicative hash of the 0-based row number, bits 16–31, mod 5. Not the row
 * number mod 5, which puts every positive in one fold when a file repeats with period 5 or 20
 * (and then no other fold has seen a positive). Reproducible anywhere: Python
 * `((row * 2654435761) % 2**32 // 65536) % 5`.
 */
export function foldOf(row: number): number {
  return ((Math.imul(row, 2654435761) >>> 0) >>> 16) % LEAKAGE_FOLDS;
}

/** foldOf in DuckDB SQL, for a row-number expression (exact: the product stays below 2^64). */
export function foldSql(row: string): string {
  return `((((${row})::UBIGINT * 2654435761) % 4294967296) // 65536 % ${LEAKAGE_FOLDS})::INTEGER`;
}
/** Pseudo-rows at the table's positive rate added to each category (shrinks rare categories to the prior). */
const PRIOR_WEIGHT = 1;

/** Rows of one category in one fold, by label. */
export interface FoldCell {
  category: string;
  fold: number;
  positives: number;
  negatives: number;
}

/**
 * AUC of a feature used as a lookup table, scored out of fold: each row gets its category's positive
 * rate in the other folds, (positives + w·prior) / (rows + w) with the table's positive rate as prior
 * and w = PRIOR_WEIGHT. A category seen in no other fold scores the prior. Unlike the in-sample rate, this
 * cannot memorise a high-cardinality column (surnames, dates of birth): a column that carries no
 * signal scores about 0.5 however many categories it has. Cells may repeat a (category, fold); they
 * are added up. Same as pandas: `cross_fitted` in
 * test/fixtures/lint/make_recidivism_like.py, then scikit-learn's roc_auc_score.
 */
export function crossFittedAuc(rows: FoldCell[]): number | null {
  const cells = [...inFoldCells(rows).values()];
  const byCategory = new Map<string, { positives: number; negatives: number }>();
  let positives = 0;
  let negatives = 0;
  for (const c of cells) {
    const t = byCategory.get(c.category) ?? { positives: 0, negatives: 0 };
    t.positives += c.positives;
    t.negatives += c.negatives;
    byCategory.set(c.category, t);
    positives += c.positives;
    negatives += c.negatives;
  }
  // one prior for every fold: the other folds' rate would differ from fold to fold and rank a fold
  // with more positives lower (a column of distinct values then scored 0.67 on 200 rows)
  const prior = positives / (positives + negatives);
  const scored = cells.map((c) => {
    const t = byCategory.get(c.category) ?? { positives: 0, negatives: 0 };
    const p = t.positives - c.positives;
    const n = t.positives + t.negatives - c.positives - c.negatives;
    return {
      score: (p + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT),
      positives: c.positives,
      negatives: c.negatives,
    };
  });
  scored.sort((a, b) => a.score - b.score);
  // equal scores tie: one group, so the tie counts one half
  const groups: { positives: number; negatives: number }[] = [];
  let last = Number.NaN;
  for (const s of scored) {
    if (s.score === last) {
      groups[groups.length - 1].positives += s.positives;
      groups[groups.length - 1].negatives += s.negatives;
    } else groups.push({ positives: s.positives, negatives: s.negatives });
    last = s.score;
  }
  return aucFromGroups(groups);
}

function inFoldCells(rows: FoldCell[]): Map<string, FoldCell> {
  const cells = new Map<string, FoldCell>();
  for (const r of rows) {
    const key = `${r.fold}\u0000${r.category}`;
    const cell = cells.get(key) ?? { category: r.category, fold: r.fold, positives: 0, negatives: 0 };
    cell.positives += r.positives;
    cell.negatives += r.negatives;
    cells.set(key, cell);
  }
  return cells;
}
