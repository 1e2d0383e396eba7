import { crossFittedAuc, type FoldCell, foldOf } from "../../src/lint/cross-fitted.js";
import { seededRandom } from "../../src/stats/random.js";

/** Direction-free AUC of the in-sample target encoding (each category scores its own rate): the old screen. */
export function inSampleAuc(cells: FoldCell[]): number {
  const byCategory = new Map<string, { p: number; n: number }>();
  for (const c of cells) {
    const t = byCategory.get(c.category) ?? { p: 0, n: 0 };
    t.p += c.positives;
    t.n += c.negatives;
    byCategory.set(c.category, t);
  }
  const groups = [...byCategory.values()]
    .map((t) => ({ ...t, rate: t.p / (t.p + t.n) }))
    .sort((a, b) => a.rate - b.rate);
  let below = 0;
  let u = 0;
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < groups.length; ) {
    let p = 0;
    let n = 0;
    const rate = groups[i].rate;
    for (; i < groups.length && groups[i].rate === rate; i++) {
      p += groups[i].p;
      n += groups[i].n;
    }
    u += p * (below + n / 2);
    below += n;
    positives += p;
    negatives += n;
  }
  const auc = u / (positives * negatives);
  return Math.max(auc, 1 - auc);
}

/**
 * One simulated column of n rows with a label of prevalence 25%: `noise` draws a category among k
 * independently of the label; `leak` records the label ("rearrested"/"cleared") with `flip` of the
 * rows flipped and 10% "pending" at random — the recidivism fixture's case_status.
 */
export function simulatedColumn(
  kind: { noise: number } | { leak: number },
  n: number,
  seed: number,
): FoldCell[] {
  const rng = seededRandom(seed);
  const cells: FoldCell[] = [];
  for (let row = 0; row < n; row++) {
    const y = rng.next() < 0.25 ? 1 : 0;
    let category: string;
    if ("noise" in kind) category = `c${rng.below(kind.noise)}`;
    else {
      const recorded = rng.next() < kind.leak ? 1 - y : y;
      category = rng.next() < 0.1 ? "pending" : recorded ? "rearrested" : "cleared";
    }
    cells.push({ category, fold: foldOf(row), positives: y, negatives: 1 - y });
  }
  return cells;
}

export function outOfFoldAuc(cells: FoldCell[]): number {
  const auc = crossFittedAuc(cells) ?? 0.5;
  return Math.max(auc, 1 - auc);
}
