/** Model-update compatibility: flips, BTC/BEC, McNemar, paired deltas, group deltas and the update gate. */

export * from "./compare.js";
export * from "./fairness-delta.js";
export * from "./flips.js";
export * from "./gate.js";
export * from "./groups.js";
export * from "./intervals.js";
export * from "./mcnemar.js";
export * from "./metric-pass.js";
export * from "./multiple-testing.js";
export * from "./paired-bootstrap.js";
export * from "./slices.js";
