import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { seededRandom } from "../../src/stats/random.js";
import { runCli } from "../helpers/cli.js";

/**
 * 2,000 loan rows: `decision` is the deployed model's (approve / deny / NULL when it did not run),
 * `flag` a 0/1 exposure marker independent of everything. Defaults are higher where the model
 * approved (it lent to riskier applicants than the history had), so exposed labels differ.
 */
function loans(): string {
  const random = seededRandom(19);
  const lines = ["income,decision,flag,default,loss"];
  for (let i = 0; i < 2000; i++) {
    const u = random.next();
    const decision = u < 0.3 ? "approve" : u < 0.4 ? "deny" : "";
    const rate = decision === "approve" ? 0.3 : 0.12;
    const y = random.next() < rate ? "yes" : "no";
    const loss = (decision === "approve" ? 120 : 100) + 20 * random.next() + i * 0.001;
    lines.push(`${Math.round(20000 + random.next() * 50000)},${decision},${random.below(2)},${y},${loss}`);
  }
  return `${lines.join("\n")}\n`;
}

const exposureOf = (stdout: string) =>
  JSON.parse(stdout).results.find((r: { check: string }) => r.check === "lint.model_exposure");

test("lint --exposure: the deployed model's decision shapes the labels — share with interval, rate difference, χ²", () => {
  const dir = mkdtempSync(join(tmpdir(), "assay-exposure-"));
  try {
    const csv = join(dir, "loans.csv");
    writeFileSync(csv, loans());
    const r = runCli(["lint", csv, "--label", "default", "--exposure", "decision", "--json"]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const f = exposureOf(r.stdout);
    assert.equal(f.status, "warn");
    // approve and deny are both decisions: about 40% of rows are exposed
    assert.ok(Math.abs(f.value - 0.4) < 0.04, `${f.value}`);
    assert.ok(f.ci[0] < f.value && f.value < f.ci[1]);
    assert.equal(f.count, Math.round(f.value * f.total));
    assert.ok(f.pValue < 1e-6);
    assert.equal(f.rateDifference.class, "yes");
    assert.ok(f.rateDifference.ci[0] > 0, "defaults are more frequent among exposed rows");
    assert.match(f.message, /shaped these labels/);
    assert.ok(Math.abs(f.labelDistribution.yes.exposed + f.labelDistribution.no.exposed - 1) < 1e-12);

    // Only approvals count as exposure when asked
    const approved = exposureOf(
      runCli([
        "lint",
        csv,
        "--label",
        "default",
        "--exposure",
        "decision",
        "--exposed-value",
        "approve",
        "--json",
      ]).stdout,
    );
    assert.ok(Math.abs(approved.value - 0.3) < 0.04);

    // An exposure flag independent of the label: reported, not a warning
    const flag = exposureOf(
      runCli(["lint", csv, "--label", "default", "--exposure", "flag", "--json"]).stdout,
    );
    assert.equal(flag.status, "pass");
    assert.ok(flag.pValue > P_QUIET);

    // A numeric label: difference of means with Welch's interval
    const numeric = exposureOf(
      runCli(["lint", csv, "--label", "loss", "--exposure", "decision", "--json"]).stdout,
    );
    assert.equal(numeric.status, "warn");
    assert.ok(numeric.meanDifference.ci[0] > 10 && numeric.meanDifference.ci[1] < 25);

    const noLabel = runCli(["lint", csv, "--exposure", "decision"]);
    assert.equal(noLabel.code, 2);
    assert.match(noLabel.stderr, /--exposure needs --label/);
    const missing = runCli(["lint", csv, "--label", "default", "--exposure", "nope"]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no exposure column named 'nope'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The flag is independent of the label; a p below this would be a 1-in-1000 accident. */
const P_QUIET = 0.001;
