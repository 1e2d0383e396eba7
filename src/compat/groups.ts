/**
 * Per-slice and per-group comparison: for every group of every partition, the flip counts, the
 * negative flip rate with a Wilson interval, the accuracy delta with a paired bootstrap interval and
 * McNemar's exact p-value, then one multiple-testing adjustment over the whole family of tested groups.
 */

import { type Adjustment, adjustPValues } from "../stats/multiple-testing.js";
import { wilsonInterval } from "../stats/wilson.js";
import { flipCounts } from "./flips.js";
import { mcnemarExact } from "./mcnemar.js";
import { type BootstrapSettings, pairedAccuracyDelta } from "./paired-bootstrap.js";
import type { Partition } from "./slices.js";

export interface GroupComparison {
  column: string;
  kind: "sensitive" | "slice";
  /** The group within its column ("Female", "28 < age ≤ 37") and its slice predicate ("sex = Female"). */
  value: string;
  slice: string;
  n: number;
  negativeFlips: number;
  positiveFlips: number;
  negativeFlipRate: number;
  negativeFlipRateCi: [number, number] | null;
  accuracyOld: number;
  accuracyNew: number;
  accuracyDelta: { value: number | null; ci: [number, number] | null };
  mcnemarPValue: number | null;
  /** McNemar p-value adjusted over all tested groups; null for groups too small to test. */
  adjustedPValue: number | null;
  /** False when the group has fewer rows than minGroupRows: reported, not tested. */
  tested: boolean;
}

interface GroupOptions extends BootstrapSettings {
  minGroupRows?: number;
  adjustment?: Adjustment;
}

const DEFAULT_MIN_GROUP_ROWS = 30;

export function compareGroups(
  oldCorrect: Uint8Array,
  newCorrect: Uint8Array,
  partitions: Partition[],
  options: GroupOptions = {},
): GroupComparison[] {
  const minRows = options.minGroupRows ?? DEFAULT_MIN_GROUP_ROWS;
  const level = options.level ?? 0.95;
  const out: GroupComparison[] = [];
  for (const partition of partitions)
    for (const group of partition.groups) {
      const c = flipCounts(oldCorrect, newCorrect, group.rows);
      const tested = c.n >= minRows;
      out.push({
        column: partition.column,
        kind: partition.kind,
        value: group.value,
        slice: group.slice,
        n: c.n,
        negativeFlips: c.negativeFlips,
        positiveFlips: c.positiveFlips,
        negativeFlipRate: c.negativeFlips / c.n,
        negativeFlipRateCi: wilsonInterval(c.negativeFlips, c.n, level),
        accuracyOld: (c.bothCorrect + c.negativeFlips) / c.n,
        accuracyNew: (c.bothCorrect + c.positiveFlips) / c.n,
        accuracyDelta: pairedAccuracyDelta(oldCorrect, newCorrect, group.rows, options),
        mcnemarPValue: tested ? mcnemarExact(c.negativeFlips, c.positiveFlips) : null,
        adjustedPValue: null,
        tested,
      });
    }
  const testedGroups = out.filter((g) => g.tested);
  const adjusted = adjustPValues(
    testedGroups.map((g) => g.mcnemarPValue ?? 1),
    options.adjustment ?? "holm",
  );
  testedGroups.forEach((g, k) => {
    g.adjustedPValue = adjusted[k];
  });
  return out;
}
