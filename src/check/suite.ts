import { makeReport, type Report, type ReportInput, worstStatus } from "../report/report.js";
import { junitDocument, junitSuite } from "../schema/junit.js";

/**
 * A CI suite (`assay check <preset>`): stages that each produced their own Report — a validation, a lint,
 * a drift, an evaluation, a comparison — bundled into one Report, one JUnit file and one exit code, so
 * a pipeline needs a single step (Evidently's preset of tests, Great Expectations' checkpoint).
 */
export interface StageOutcome {
  /** The stage's name in the suite: "validate", "lint", "drift", "evaluate", "compare". */
  name: string;
  report: Report;
  /** Whether the stage fails the suite, by that command's own exit rule. */
  failed: boolean;
  seconds: number;
}

/** The suite's Report (kind `check`): every stage's results, each tagged with its stage, and a line per stage. */
export function checkReport(preset: string, stages: StageOutcome[], config: Record<string, unknown>): Report {
  const inputs: ReportInput[] = [];
  for (const s of stages)
    for (const input of s.report.inputs)
      if (!inputs.some((i) => i.name === input.name && i.digest === input.digest)) inputs.push(input);
  const results = stages.flatMap((s) => s.report.results.map((r) => ({ ...r, stage: s.name })));
  const failedStages = stages.filter((s) => s.failed).map((s) => s.name);
  const status =
    failedStages.length > 0
      ? "fail"
      : worstStatus(
          stages.map((s) => ({
            check: s.name,
            status: s.report.summary.status === "fail" ? "warn" : s.report.summary.status,
            message: "",
          })),
        );
  return makeReport(
    "check",
    {
      inputs,
      config: { preset, ...config },
      results,
      summary: {
        status,
        failedStages,
        stages: stages.map((s) => ({
          name: s.name,
          kind: s.report.kind,
          status: s.report.summary.status,
          failed: s.failed,
        })),
      },
    },
    {
      preset,
      stages: stages.map((s) => ({
        name: s.name,
        failed: s.failed,
        seconds: s.seconds,
        summary: s.report.summary,
        config: s.report.config,
      })),
    },
  );
}

/** One JUnit document, a <testsuite> per stage. */
export function checkJunit(preset: string, stages: StageOutcome[]): string {
  const seconds = stages.reduce((t, s) => t + s.seconds, 0);
  return junitDocument(
    stages.map((s) => junitSuite(`${preset}: ${s.name}`, s.report.results, s.seconds)),
    stages.flatMap((s) => s.report.results),
    seconds,
  );
}
