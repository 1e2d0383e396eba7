/**
 * The behavioural test suite (format "assay.suite", version 1): MFT, INV and DIR tests in the sense of
 * CheckList (Ribeiro et al. 2020), for tabular rows and text columns. It is data: a YAML file people
 * review (docs/robustness.md), read by ./suite-read.ts and run by ./run-suite.ts.
 */
export const SUITE_FORMAT = "assay.suite";
export const SUITE_VERSION = 1;
export const DEFAULT_SAMPLE = 10_000;
export const DEFAULT_MIN_ROWS = 30;
