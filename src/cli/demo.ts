import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatNumber, textTable } from "../report/format.js";
import { numberOption, parseCommand } from "./args.js";
import { type AdultResult, runAdult } from "./demo/adult.js";
import { runChecks } from "./demo/checks.js";
import { type FlightsResult, MONTHS, runFlights } from "./demo/flights.js";
import { runLearning } from "./demo/learning.js";
import { runMulticlass } from "./demo/multiclass.js";
import { runPrivacy } from "./demo/privacy.js";
import {
  asCardEvidence,
  prepareReadinessCard,
  type ReadinessResult,
  readinessLines,
  runReadiness,
} from "./demo/readiness.js";
import { type ReplayResult, replayFlights } from "./demo/replay.js";
import { runRobustness } from "./demo/robustness.js";
import { runTrust } from "./demo/trust.js";
import { UsageError } from "./errors.js";

const HELP = `assay demo [--out DIR] [--no-serve] [--per-month N]

The whole lifecycle of an ML system on real data that ships with the package, with no network:

 1. Flights (vega-datasets, 3,000,000 US flights, Jan–Jun 2001): profile January and infer its data
    contract; for every later month validate it against the contract and check drift against January;
    train a delay model (the logistic-regression baseline) on January and evaluate it month by month;
    start the monitoring service and replay February–June predictions and labels through its ingest API
    at accelerated time, with alert rules evaluated at data time.
 2. Adult (UCI census income, two real ONNX models): evaluation with slices and fairness, the
    update-compatibility gate from v1 to v2, conformal prediction sets with selective prediction and a
    trust bundle, an out-of-distribution check of the test rows, and testing without an oracle: a
    behavioural suite with its mutation score, fuzzing from the contract, noise and adversarial
    robustness, and PMV of the logistic baseline; the release as one CI step (assay check). Then German
    credit's loan purpose (10 classes, two ONNX models): per-class metrics, fairness per class, and the
    update gate with flips per class; feature usefulness and multivariate drift.
 3. Readiness of the adult model (examples/adult/assay.card.yaml): evidence, reviews, the MLTRL level
    and the ML Test Score, on the dashboard too.
 4. Prints where the reports are and the dashboard URL, then keeps serving until Ctrl-C.

This is what \`npm start\` runs.

  --out DIR        where reports, profiles, the schema and the monitor database go (default .assay/demo)
  --no-serve       run everything, stop the service and exit (what CI does)
  --per-month N    flights replayed per month through the service (default 8000)
`;

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      out: { type: "string" },
      "no-serve": { type: "boolean", default: false },
      "per-month": { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
  const out = (values.out as string | undefined) ?? join(".assay", "demo");
  const perMonth = numberOption(values["per-month"], "--per-month", { min: 100, max: 200_000 }) ?? 8000;
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const say = (line: string) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
  // resolved like an import, so it is found where npm put it (hoisted beside assay in an install)
  const datasets = dirname(createRequire(import.meta.url).resolve("vega-datasets"));
  const flightsFile = join(datasets, "..", "data", "flights-3m.parquet");
  const flights = await runFlights(flightsFile, out, say);
  const card = prepareReadinessCard(join(ROOT, "examples", "adult"), out);
  const replay = await replayFlights(
    flights,
    out,
    join(ROOT, "examples", "flights", "rules.yaml"),
    perMonth,
    say,
    ["--card", card],
  );
  let adult: AdultResult;
  let readiness: ReadinessResult;
  try {
    adult = asCardEvidence(card, () => runAdult(join(ROOT, "examples", "adult"), out, say));
    // Each later step is its own file under demo/; its lines and reports join the adult part's.
    const steps = [
      runTrust(join(ROOT, "examples", "adult"), out, say),
      runRobustness(join(ROOT, "examples", "adult"), out, say),
      runChecks(join(ROOT, "examples", "adult"), out, say),
      runMulticlass(join(ROOT, "examples", "german-purpose"), out, say),
      runPrivacy(join(ROOT, "examples", "adult"), say),
      { reports: [], ...runLearning(join(ROOT, "examples", "adult"), say) },
    ];
    adult = {
      ...adult,
      lines: steps.flatMap((step) => step.lines),
      reports: [...adult.reports, ...steps.flatMap((step) => step.reports)],
    };
    readiness = runReadiness(join(ROOT, "examples", "adult"), card, out, say);
  } catch (error) {
    await replay.stop();
    throw error;
  }
  process.stdout.write(summary(flights, replay, adult, readiness, (Date.now() - started) / 1000));
  if (values["no-serve"]) {
    await replay.stop();
    return 0;
  }
  process.stdout.write(
    `\nServing until Ctrl-C. Dashboard: ${replay.url}/#token=${replay.readToken} (readiness: ${replay.url}/#/readiness)\n`,
  );
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await replay.stop();
  return 0;
}

function summary(
  flights: FlightsResult,
  replay: ReplayResult,
  adult: AdultResult,
  readiness: ReadinessResult,
  seconds: number,
): string {
  const lines: string[] = ["", "Flights, 2001 — the January delay model meets the following months", ""];
  const alertsByMonth = (m: number) => replay.firing.filter((f) => f.month === m);
  lines.push(
    textTable(
      [
        "month",
        "rows",
        "contract (error anomalies)",
        "drift vs January",
        "ROC AUC [95% CI]",
        "late rate",
        "alerts that started firing",
      ],
      flights.months.map((r) => [
        MONTHS[r.month],
        formatNumber(r.rows),
        r.month === 1 ? "reference" : r.validationErrors.length ? r.validationErrors.join(", ") : "none",
        r.month === 1 ? "reference" : r.driftedColumns.length ? r.driftedColumns.join(", ") : "none",
        r.rocAuc
          ? `${r.rocAuc.value.toFixed(3)} [${r.rocAuc.ci[0].toFixed(3)}, ${r.rocAuc.ci[1].toFixed(3)}]`
          : "–",
        r.lateRate === null ? "–" : `${(100 * r.lateRate).toFixed(1)}%`,
        r.month === 1
          ? "–"
          : [
              ...new Set(alertsByMonth(r.month).map((f) => (f.subject ? `${f.rule}(${f.subject})` : f.rule))),
            ].join(", ") || "none",
      ]),
    ),
  );
  lines.push(
    "",
    `monitoring: ${formatNumber(replay.sent)} predictions and labels replayed through ${replay.url}`,
  );
  const e = adult.evaluation;
  const c = adult.comparison;
  lines.push("", "Adult — census income, two ONNX models");
  if (e) {
    const auc = e.metrics?.rocAuc;
    const sex = e.fairness?.sex;
    lines.push(
      `  v1: ROC AUC ${auc?.value?.toFixed(3)} [${auc?.ci?.[0]?.toFixed(3)}, ${auc?.ci?.[1]?.toFixed(3)}], accuracy ${e.metrics?.accuracy?.value?.toFixed(3)}` +
        (sex
          ? `; demographic parity difference by sex ${Number(sex.demographicParityDifference?.value ?? sex.demographicParityDifference).toFixed(3)}`
          : ""),
    );
  }
  if (c)
    lines.push(
      `  v1 → v2: ${c.negativeFlips} negative flips (NFR ${(100 * c.negativeFlipRate).toFixed(2)}%), BTC ${c.btc?.toFixed(3)}, accuracy Δ ${c.accuracyDelta?.value?.toFixed(4)} — gate: ${c.verdict?.status ?? c.verdict}`,
    );
  lines.push(...(adult.lines ?? []));
  lines.push(...readinessLines(readiness));
  lines.push("", "Reports:");
  for (const path of [...flights.reports, ...adult.reports, ...readiness.reports]) lines.push(`  ${path}`);
  lines.push("", `done in ${seconds.toFixed(0)} s`);
  return `${lines.join("\n")}\n`;
}
