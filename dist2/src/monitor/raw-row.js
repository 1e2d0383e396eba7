import { decodeJson } from "./store.js";
export function rawFromRow(r) {
    return {
        id: r.id,
        timestamp: Number(r.ts),
        bucket: Number(r.bucket),
        version: r.version,
        score: r.score === null ? null : Number(r.score),
        prediction: decodeJson(r.prediction),
        features: (decodeJson(r.features) ?? {}),
    };
}
