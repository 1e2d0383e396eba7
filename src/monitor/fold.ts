import { type ReferenceFacts, summarize } from "./bucket-summary.js";
import type { CompactionPlan, ModelSpec, RawPrediction } from "./records.js";
import type { TrustBundles } from "./trust-counts.js";

/** Everything folding needs, as plain data (it crosses to the SQLite writer thread). */
export interface FoldJob {
  model: string;
  spec: ModelSpec;
  facts: ReferenceFacts | null;
  /** The model's trust bundles (null: none uploaded): each folded prediction is scored with one. */
  trust: TrustBundles | null;
  /** Raw rows kept per bucket part for debugging. */
  sampleSize: number;
  /** Raw rows per fold transaction. */
  foldBatch: number;
  /** Parts a bucket may hold before they are merged into one. */
  maxParts: number;
}

/** Turns raw rows into one summary per bucket, and picks the rows each part keeps as its sample. */
export function planFold(
  spec: ModelSpec,
  rows: RawPrediction[],
  facts: ReferenceFacts | null,
  sampleSize: number,
  trust: TrustBundles | null = null,
): CompactionPlan {
  const byBucket = new Map<number, RawPrediction[]>();
  for (const r of rows) {
    const list = byBucket.get(r.bucket);
    if (list) list.push(r);
    else byBucket.set(r.bucket, [r]);
  }
  const parts: CompactionPlan["parts"] = [];
  const keepAsSample: string[] = [];
  for (const [bucket, list] of byBucket) {
    parts.push({ bucket, rows: list.length, summary: summarize(spec, list, facts, trust) });
    // The sample keeps the first rows folded into each bucket part (bounded per part; see docs/monitor.md).
    for (const r of list.slice(0, sampleSize)) keepAsSample.push(r.id);
  }
  return { parts, keepAsSample };
}
