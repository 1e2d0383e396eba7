import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { duckdb, queryRows } from "../../io/duckdb.js";
import { duckdbDialect } from "../../table/duckdb-dialect.js";
import { assay } from "./assay-process.js";
import { batchFromRows, DELAY_FEATURES, type DelayModel, trainDelayModel } from "./delay-model.js";

export const MONTHS = ["", "January", "February", "March", "April", "May", "June"];

/** What one month of flights looked like to each stage. */
interface MonthResult {
  month: number;
  rows: number;
  validationErrors: string[];
  driftedColumns: string[];
  driftStatus: string;
  rocAuc: { value: number; ci: [number, number] } | null;
  lateRate: number | null;
}

export interface FlightsResult {
  months: MonthResult[];
  reports: string[];
  model: DelayModel;
  /** A query per month for replays: features, score inputs and the label. */
  monthSql(month: number, sample?: number): string;
}

/**
 * Flights (3,000,000 US flights, Jan–Jun 2001): profile January, infer its contract, then validate, check
 * drift and evaluate the January delay model on every later month.
 */
export async function runFlights(
  flightsFile: string,
  out: string,
  say: (line: string) => void,
): Promise<FlightsResult> {
  const dir = join(out, "flights");
  mkdirSync(dir, { recursive: true });
  const file = duckdbDialect.string(flightsFile);
  const monthSql = (m: number, sample?: number) =>
    `SELECT hour(date) AS hour, dayofweek(date) AS weekday, delay, distance, origin, destination,
            (delay > 15)::INTEGER AS late, epoch_ms(date)::DOUBLE AS ts
     FROM read_parquet(${file}) WHERE month(date) = ${m}` +
    (sample ? ` ORDER BY hash(date, origin, destination, delay, distance) LIMIT ${sample}` : "");
  const features = (m: number) =>
    `SELECT hour, weekday, delay, distance, origin, destination FROM (${monthSql(m)})`;
  const reports: string[] = [];

  say("flights · profiling January and inferring its data contract");
  const profile = assay([
    "profile",
    "--sql",
    features(1),
    "--out",
    join(dir, "january.profile.json"),
    "--html",
    join(dir, "january.profile.html"),
    "--json",
  ]);
  reports.push(join(dir, "january.profile.html"));
  assay(["schema", "infer", "--sql", features(1), "--out", join(dir, "january.schema.yaml")]);
  reports.push(join(dir, "january.schema.yaml"));

  say("flights · training the delay model on January (logistic-regression baseline)");
  const model = await trainDelayModel(monthSql(1, 40_000), dir);

  const months: MonthResult[] = [];
  for (let m = 1; m <= 6; m++) {
    const name = MONTHS[m].toLowerCase();
    say(`flights · ${MONTHS[m]}: validate, drift, evaluate`);
    const validation =
      m === 1
        ? null
        : assay([
            "validate",
            "--sql",
            features(m),
            "--schema",
            join(dir, "january.schema.yaml"),
            "--json",
            "--html",
            join(dir, `${name}.validation.html`),
          ]);
    const drift =
      m === 1
        ? null
        : // January's saved profile is the reference: each of these columns has an exact frequency table,
          // so the statistics equal those from the raw rows without scanning January again every month.
          assay([
            "drift",
            join(dir, "january.profile.json"),
            "--current-sql",
            features(m),
            "--json",
            "--html",
            join(dir, `${name}.drift.html`),
          ]);
    const evaluation = assay([
      "evaluate",
      "--sql",
      monthSql(m, 20_000),
      "--label",
      "late",
      "--positive",
      "1",
      "--model",
      model.modulePath,
      "--threshold",
      "0.3",
      "--no-baseline",
      "--resamples",
      "200",
      "--json",
      "--html",
      join(dir, `${name}.evaluation.html`),
    ]);
    if (validation) reports.push(join(dir, `${name}.validation.html`));
    if (drift) reports.push(join(dir, `${name}.drift.html`));
    reports.push(join(dir, `${name}.evaluation.html`));
    const errors = (validation?.report?.results ?? [])
      .filter((r: { severity?: string; status: string }) => r.status === "fail" || r.severity === "error")
      .map(
        (r: { check: string; subject?: { column?: string } }) =>
          `${r.check}${r.subject?.column ? `(${r.subject.column})` : ""}`,
      );
    const drifted = (drift?.report?.columns ?? [])
      .filter((c: { status: string }) => c.status === "fail" || c.status === "drift")
      .map((c: { name: string }) => c.name);
    const auc = evaluation.report?.metrics?.rocAuc;
    months.push({
      month: m,
      rows: m === 1 ? (profile.report?.rows ?? 0) : (validation?.report?.inputs?.[0]?.rows ?? 0),
      validationErrors: errors,
      driftedColumns: drifted,
      driftStatus: drift?.report?.summary?.status ?? "reference",
      rocAuc: auc && typeof auc.value === "number" ? { value: auc.value, ci: auc.ci } : null,
      lateRate: evaluation.report?.confusion
        ? (evaluation.report.confusion.tp + evaluation.report.confusion.fn) / evaluation.report.n
        : null,
    });
  }
  writeFileSync(join(dir, "months.json"), `${JSON.stringify(months, null, 2)}\n`);
  return { months, reports, model, monthSql };
}

/** Rows of a month, scored by the model, ready to send to the monitoring service. */
export async function scoredMonth(
  flights: FlightsResult,
  month: number,
  sample: number,
): Promise<
  { id: string; ts: number; features: Record<string, number | string>; score: number; late: number }[]
> {
  const conn = await duckdb();
  const rows = await queryRows(conn, `SELECT * FROM (${flights.monthSql(month, sample)}) ORDER BY ts`);
  const columns = [
    { name: "hour", type: "integer" as const, sourceType: "BIGINT" },
    { name: "weekday", type: "integer" as const, sourceType: "BIGINT" },
    { name: "distance", type: "integer" as const, sourceType: "BIGINT" },
    { name: "origin", type: "string" as const, sourceType: "VARCHAR" },
  ];
  const scores = flights.model.score(batchFromRows(columns, rows));
  return rows.map((r, i) => ({
    id: `${month}-${i}-${r.origin}-${r.ts}`,
    ts: r.ts as number,
    features: Object.fromEntries(DELAY_FEATURES.map((f) => [f, r[f] as number | string])),
    score: scores[i],
    late: r.late as number,
  }));
}
