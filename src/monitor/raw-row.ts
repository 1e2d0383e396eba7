import type { RawPrediction } from "./records.js";
import { decodeJson } from "./store.js";

/** A raw_predictions row as both stores read it (times as numbers, JSON columns as text). */
export interface RawRow {
  id: string;
  ts: number;
  bucket: number;
  version: string | null;
  score: number | null;
  prediction: string | null;
  features: string | null;
}

export function rawFromRow(r: RawRow): RawPrediction {
  return {
    id: r.id,
    timestamp: Number(r.ts),
    bucket: Number(r.bucket),
    version: r.version,
    score: r.score === null ? null : Number(r.score),
    prediction: decodeJson(r.prediction),
    features: (decodeJson(r.features) ?? {}) as Record<string, unknown>,
  };
}
