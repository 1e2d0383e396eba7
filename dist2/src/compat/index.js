/**
 * Model-update compatibility: flips, BTC/BEC, McNemar, paired deltas, group and fairness deltas, the
 * update gate and golden sets; two-arm experiments; configuration diffs. Browser-safe: the registry's
 * SQLite store and file digests are at the edge (src/io/registry/).
 */
export * from "../evaluate/labels.js";
export * from "./abtest/index.js";
export * from "./compare.js";
export * from "./config-diff.js";
export * from "./fairness-delta.js";
export * from "./flips.js";
export * from "./gate.js";
export * from "./golden.js";
export * from "./groups.js";
export * from "./mcnemar.js";
export * from "./metric-pass.js";
export * from "./paired-bootstrap.js";
export { compareFingerprints, } from "./registry/fingerprint.js";
export { lineageDot, lineageGraph, lineageMermaid, lineageText } from "./registry/lineage.js";
export { staleReasons } from "./registry/staleness.js";
export * from "./slices.js";
