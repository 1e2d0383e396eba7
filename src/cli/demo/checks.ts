import { join } from "node:path";
import { assay } from "./assay-process.js";

/**
 * Adult, the release as a CI job runs it: `assay check --config examples/adult/release.check.yaml`
 * (validate the evaluation rows, evaluate v2, compare it with v1) — one exit code, one JUnit file.
 */
export function runChecks(
  examples: string,
  out: string,
  say: (line: string) => void,
): { lines: string[]; reports: string[] } {
  const dir = join(out, "adult");
  const junit = join(dir, "release.junit.xml");
  const html = join(dir, "release.check.html");
  say("adult · the release as one CI step: assay check model-release (validate, evaluate, compare)");
  const run = assay([
    "check",
    "--config",
    join(examples, "release.check.yaml"),
    "--json",
    "--junit",
    junit,
    "--html",
    html,
  ]);
  const stages = (run.report?.summary?.stages ?? []) as { name: string; failed: boolean }[];
  const line = `  release check (model-release): ${stages.map((s) => `${s.name} ${s.failed ? "FAILS" : "passes"}`).join(", ")} — exit ${run.code}`;
  return { lines: [line], reports: [junit, html] };
}
