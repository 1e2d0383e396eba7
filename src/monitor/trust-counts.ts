/**
 * Per-prediction trust in the service: while a bucket is folded, every prediction of a model that has
 * a trust bundle (`assay conformal --out`, uploaded with PUT /v1/models/:model/trust) is scored with
 * it — the prediction set or interval, the OOD p-value — and only counts are kept, so a window's trust
 * readings merge like the rest of its summary. The scoring is `scoreWithBundle`, the same function the
 * client (`client.trust`) and the CLI use.
 */
import { parseTrustBundle, scoreWithBundle, type TrustBundle } from "../trust/bundle.js";
import type { PredictionRecord } from "./records.js";

/** Counts of one bucket's (or a window's) trust readings. Every field adds when summaries merge. */
export interface TrustCounts {
  /** Predictions scored with a bundle. */
  scored: number;
  /** Predictions the bundle could not score (no score, a feature of the wrong kind …). */
  unscored: number;
  /** Scored predictions whose bundle has an OOD detector, and those flagged (p ≤ the bundle's target FPR). */
  oodChecked: number;
  oodFlagged: number;
  /** Classification: prediction sets, those with more than one class, empty ones, and the sum of sizes. */
  sets: number;
  ambiguous: number;
  empty: number;
  setSizeSum: number;
  /** Regression: intervals and the sum of their widths. */
  intervals: number;
  widthSum: number;
}

export function emptyTrustCounts(): TrustCounts {
  return {
    scored: 0,
    unscored: 0,
    oodChecked: 0,
    oodFlagged: 0,
    sets: 0,
    ambiguous: 0,
    empty: 0,
    setSizeSum: 0,
    intervals: 0,
    widthSum: 0,
  };
}

export function addTrustCounts(into: TrustCounts, more: TrustCounts): TrustCounts {
  for (const key of Object.keys(into) as (keyof TrustCounts)[]) into[key] += more[key] ?? 0;
  return into;
}

/** A model's uploaded bundles: one per model version, and the newest as the fallback. */
export interface TrustBundles {
  byVersion: Record<string, TrustBundle>;
  /** The newest upload: for predictions without a version, or of a version without a bundle. */
  latest: TrustBundle;
  latestVersion: string;
}

/** The bundle that scores a prediction of `version` (its own, else the newest). */
export function bundleFor(bundles: TrustBundles, version: string | null | undefined): TrustBundle {
  return (version ? bundles.byVersion[version] : undefined) ?? bundles.latest;
}

/** Builds the lookup from stored uploads (oldest first), re-checking each (a stored bundle is data too). */
export function trustBundles(stored: { version: string; bundle: unknown }[]): TrustBundles | null {
  if (stored.length === 0) return null;
  const byVersion: Record<string, TrustBundle> = {};
  for (const s of stored) byVersion[s.version] = parseTrustBundle(s.bundle, `trust bundle ${s.version}`);
  const last = stored[stored.length - 1];
  return { byVersion, latest: byVersion[last.version], latestVersion: last.version };
}

/**
 * A uniform draw in [0, 1) from a prediction's id, for randomised APS sets: the same prediction gets the
 * same set whenever and wherever it is folded (FNV-1a over the id's UTF-16 units).
 */
export function uniformOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 2 ** 32;
}

/** Scores one prediction and adds what it showed to `counts`. Never throws: a row it cannot score is counted. */
export function countTrust(counts: TrustCounts, bundles: TrustBundles, record: PredictionRecord): void {
  const bundle = bundleFor(bundles, record.version);
  const score =
    record.score ??
    (bundle.model.task === "regression" && typeof record.prediction === "number" ? record.prediction : null);
  if (score === null || !Number.isFinite(score)) {
    counts.unscored++;
    return;
  }
  let out: ReturnType<typeof scoreWithBundle>;
  try {
    out = scoreWithBundle(bundle, record.features, score, { uniform: uniformOf(record.id) });
  } catch {
    counts.unscored++;
    return;
  }
  counts.scored++;
  if (Array.isArray(out.set)) {
    counts.sets++;
    counts.setSizeSum += out.set.length;
    if (out.set.length > 1) counts.ambiguous++;
    if (out.set.length === 0) counts.empty++;
  } else {
    const width = out.set.upper - out.set.lower;
    if (Number.isFinite(width)) {
      counts.intervals++;
      counts.widthSum += width;
    }
  }
  if (out.ood && bundle.ood) {
    counts.oodChecked++;
    if (out.ood.pValue <= bundle.ood.targetFpr) counts.oodFlagged++;
  }
}
