/** Online experiments: two-arm tests, sample sizes and an always-valid sequential test. */
export * from "./msprt.js";
export * from "./proportions.js";
export * from "./sample-size.js";
export * from "./welch.js";
