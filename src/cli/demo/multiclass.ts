import { join } from "node:path";
import { assay } from "./assay-process.js";

interface MulticlassResult {
  /** Summary lines for the demo's closing table. */
  lines: string[];
  reports: string[];
}

/**
 * German credit's loan purpose, ten classes: the v1 ONNX model evaluated with per-class metrics and
 * fairness by sex per class, then the update gate from v1 to v2 with flips per class.
 */
export function runMulticlass(examples: string, out: string, say: (line: string) => void): MulticlassResult {
  const dir = join(out, "german-purpose");
  const rows = join(examples, "german_purpose_test.csv");
  say(
    "german credit purpose · a 10-class ONNX model: per-class metrics, top-k, classwise ECE, fairness per class",
  );
  const html = join(dir, "v1.evaluation.html");
  const evaluation = assay([
    "evaluate",
    rows,
    "--label",
    "purpose",
    "--model",
    join(examples, "german_purpose_v1.yaml"),
    "--sensitive",
    "sex",
    "--json",
    "--html",
    html,
  ]).report;
  say("german credit purpose · v1 → v2: flips and backward compatibility per class");
  const comparison = assay([
    "compare",
    rows,
    "--label",
    "purpose",
    "--old",
    join(examples, "german_purpose_v1.yaml"),
    "--new",
    join(examples, "german_purpose_v2.yaml"),
    "--json",
  ]).report;
  const f = (x: number | null | undefined) => (typeof x === "number" ? x.toFixed(3) : "–");
  const lines: string[] = ["", "German credit — loan purpose, 10 classes, two ONNX models"];
  if (evaluation) {
    const m = evaluation.metrics;
    const top3 = evaluation.topK?.find((t: { k: number }) => t.k === 3)?.accuracy;
    lines.push(
      `  v1: accuracy ${f(m.accuracy.value)} [${f(m.accuracy.ci?.[0])}, ${f(m.accuracy.ci?.[1])}], macro F1 ${f(m.macroF1.value)}, top-3 ${f(top3?.value)}, log loss ${f(m.logLoss.value)}, classwise ECE ${f(m.classwiseEce.value)}`,
    );
  }
  if (comparison) {
    const worst = [...(comparison.perClass ?? [])].sort(
      (a: { negativeFlips: number }, b: { negativeFlips: number }) => b.negativeFlips - a.negativeFlips,
    )[0];
    lines.push(
      `  v1 → v2: ${comparison.negativeFlips} negative flips, ${comparison.positiveFlips} positive; most in class ${worst?.class} (${worst?.negativeFlips} of ${worst?.n} rows, BTC ${f(worst?.btc)}) — gate: ${comparison.verdict}`,
    );
  }
  return { lines, reports: [html] };
}
