import { formatNumber } from "../report/format.js";
import type { Report } from "../report/report.js";
import { baseName, type Card } from "./card.js";

/**
 * The parts of a model card Assay writes itself: the intended and unacceptable uses from the readiness
 * card, and the quantitative analysis from an evaluation report — every metric with its interval and
 * sample size, fairness by each sensitive attribute, the weakest slices, and the baseline finding. The
 * text is a function of its inputs, so `assay docs check` can tell a model card that is out of date.
 */
interface Metric {
  value: number | null;
  ci?: [number, number] | null;
  n?: number;
}

const METRIC_NAMES: Record<string, string> = {
  accuracy: "accuracy",
  precision: "precision",
  recall: "recall",
  f1: "F1",
  rocAuc: "ROC AUC",
  prAuc: "PR AUC (average precision)",
  logLoss: "log loss",
  brier: "Brier score",
  balancedAccuracy: "balanced accuracy",
  mcc: "MCC",
  ece: "expected calibration error",
};

const num = (x: number | null | undefined) =>
  x === null || x === undefined ? "–" : formatNumber(Number(x.toFixed(4)));
const interval = (m: Metric | undefined) => (m?.ci ? `[${num(m.ci[0])}, ${num(m.ci[1])}]` : "–");

export function usesSection(card: Card): string {
  const list = (items: string[]) =>
    items.length ? items.map((x) => `- ${x}`).join("\n") : "- (none stated in the card)";
  return `**Intended uses** (from ${baseName(card.file)}):\n\n${list(card.uses.intended)}\n\n**Unacceptable uses:**\n\n${list(card.uses.unacceptable)}`;
}

export function evaluationSection(id: string, report: Report): string {
  const input = report.inputs?.[0];
  const model = (report.model ?? {}) as { name?: string; digest?: string | null };
  const boot = (report.bootstrap ?? {}) as { resamples?: number; level?: number };
  const level = Math.round(100 * (boot.level ?? 0.95));
  const lines: string[] = [
    `From \`${id}\` (assay evaluate, ${String(report.createdAt).slice(0, 10)}): ${input ? `${input.name} (${formatNumber(input.rows)} rows, sha256 ${input.digest.slice(0, 12)}…)` : "unknown data"}, model ${model.name ?? "?"}${model.digest ? ` (sha256 ${model.digest.slice(0, 12)}…)` : ""}, threshold ${num(report.threshold as number)}, ${boot.resamples ?? 0} bootstrap resamples, ${level}% intervals.`,
    "",
    `| metric | value | ${level}% CI | n |`,
    "|---|---|---|---|",
  ];
  for (const [key, m] of Object.entries((report.metrics ?? {}) as Record<string, Metric>))
    lines.push(`| ${METRIC_NAMES[key] ?? key} | ${num(m.value)} | ${interval(m)} | ${m.n ?? "–"} |`);
  const fairness = (report.fairness ?? {}) as Record<string, Record<string, Metric | unknown>>;
  const attributes = Object.keys(fairness).filter((a) => !a.includes(" & "));
  if (attributes.length > 0) {
    lines.push(
      "",
      "**Fairness** (differences and ratios between groups; four-fifths rule: ratio ≥ 0.8):",
      "",
    );
    for (const a of attributes) {
      const f = fairness[a] as Record<string, Metric>;
      lines.push(
        `- by ${a}: selection-rate ratio ${num(f.demographicParityRatio?.value)} ${interval(f.demographicParityRatio)}, difference ${num(f.demographicParityDifference?.value)} ${interval(f.demographicParityDifference)}; equalized-odds difference ${num(f.equalizedOddsDifference?.value)} ${interval(f.equalizedOddsDifference)}`,
      );
    }
  }
  const slices = (Array.isArray(report.slices) ? report.slices : []) as {
    slice: string;
    count: number;
    accuracy?: Metric;
    significant?: boolean;
  }[];
  if (slices.length > 0) {
    lines.push("", "**Weakest slices** (accuracy, the slice's rows):", "");
    for (const s of slices.slice(0, 5))
      lines.push(
        `- ${s.slice}: ${num(s.accuracy?.value)} ${interval(s.accuracy)}, ${formatNumber(s.count)} rows${s.significant ? "" : " (not significant after adjustment)"}`,
      );
  }
  const baseline = report.baseline as { finding?: string } | undefined;
  if (baseline?.finding) lines.push("", `**Baselines:** ${baseline.finding}.`);
  return lines.join("\n");
}
