import { join } from "node:path";
import { duckdbDialect } from "../../table/duckdb-dialect.js";
import { assay } from "./assay-process.js";

interface TrustResult {
  /** Summary lines for the demo's closing table. */
  lines: string[];
  reports: string[];
}

/**
 * Adult, when not to trust a prediction: conformal prediction sets for model v1 (calibrated on the
 * first half of the test split, measured on the second), the abstention a 10% error rate needs, a
 * trust bundle; then how many test rows are out of distribution for the training rows.
 */
export function runTrust(examples: string, out: string, say: (line: string) => void): TrustResult {
  const dir = join(out, "adult");
  const test = duckdbDialect.string(join(examples, "adult_test.csv"));
  say("adult · conformal prediction sets for v1 (α = 0.1), selective prediction, a trust bundle");
  const conformal = assay([
    "conformal",
    "--calibration-sql",
    `SELECT * FROM ${test} LIMIT 8140`,
    "--evaluation-sql",
    `SELECT * FROM ${test} OFFSET 8140`,
    "--label",
    "income-per-year",
    "--model",
    join(examples, "adult_v1.yaml"),
    "--groups",
    "sex",
    "--target-error",
    "0.1",
    "--out",
    join(dir, "v1.trust.json"),
    "--json",
    "--html",
    join(dir, "v1.conformal.html"),
  ]).report;
  say("adult · out-of-distribution check: test rows against training rows");
  const ood = assay([
    "ood",
    join(examples, "adult_train.csv"),
    join(examples, "adult_test.csv"),
    "--model",
    join(examples, "adult_v1.yaml"),
    "--knn-reference",
    "1000",
    "--json",
    "--html",
    join(dir, "test.ood.html"),
  ]).report;
  const pct = (x: number | null | undefined) => (typeof x === "number" ? `${(100 * x).toFixed(1)}%` : "–");
  const lines: string[] = [];
  if (conformal) {
    const abstain = conformal.selective?.abstention?.confidence;
    lines.push(
      `  v1 conformal (α = 0.1): coverage ${pct(conformal.coverage.value)} [${pct(conformal.coverage.ci?.[0])}, ${pct(conformal.coverage.ci?.[1])}], mean set size ${conformal.meanSetSize?.toFixed(3)}; ` +
        `error ${pct(conformal.selective?.overallRisk)} → 10% by abstaining on ${pct(abstain?.observed?.abstention)} (${pct(abstain?.guaranteed?.abstention)} with 95% confidence)`,
    );
  }
  if (ood)
    lines.push(
      `  test rows out of distribution for the training rows: ${pct(ood.flagged.share)} at p ≤ ${ood.targetFpr} (chance gives ${pct(ood.chance?.band?.[0])}–${pct(ood.chance?.band?.[1])})`,
    );
  return {
    lines,
    reports: [join(dir, "v1.conformal.html"), join(dir, "v1.trust.json"), join(dir, "test.ood.html")],
  };
}
