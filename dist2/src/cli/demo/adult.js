import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { assay } from "./assay-process.js";
/**
 * Adult (UCI census income, two real ONNX models): evaluation with slices and fairness for v1, then the
 * update-compatibility gate from v1 to v2.
 */
export function runAdult(examples, out, say) {
    const dir = join(out, "adult");
    mkdirSync(dir, { recursive: true });
    const data = join(examples, "adult_test.csv");
    const common = ["--label", "income-per-year", "--positive", ">50K"];
    say("adult · evaluating model v1 (ONNX): metrics with CIs, slices, fairness by sex and race, baselines");
    const evaluation = assay([
        "evaluate",
        data,
        ...common,
        "--model",
        join(examples, "adult_v1.yaml"),
        "--sensitive",
        "sex,race",
        "--slices",
        "auto",
        "--train",
        join(examples, "adult_train.csv"),
        // v1 sees 6 numeric columns; baselines on all 14 show what the other 8 are worth
        "--baseline-features",
        "all",
        "--resamples",
        "300",
        "--json",
        "--html",
        join(dir, "v1.evaluation.html"),
    ]);
    say("adult · the update gate: v1 → v2 (flips, backward compatibility, per-group deltas)");
    const comparison = assay([
        "compare",
        data,
        ...common,
        "--old",
        join(examples, "adult_v1.yaml"),
        "--new",
        join(examples, "adult_v2.yaml"),
        "--sensitive",
        "sex,race",
        "--resamples",
        "300",
        "--golden-out",
        join(dir, "v1-v2.regressions.json"),
        "--json",
        "--html",
        join(dir, "v1-v2.comparison.html"),
    ]);
    return {
        evaluation: evaluation.report,
        comparison: comparison.report,
        reports: [
            join(dir, "v1.evaluation.html"),
            join(dir, "v1-v2.comparison.html"),
            join(dir, "v1-v2.regressions.json"),
        ],
    };
}
