import type { EngineRelation } from "../io/engine-relation.js";
import { type PartitionedProfile, profilePartitions } from "../io/partitions.js";
import { profileInWorkers, workerCount } from "../io/profile-workers.js";
import type { DuckDBRelation } from "../io/source.js";
import { redactPersonalColumns } from "../privacy/redact-profile.js";
import { profileBatches } from "../profile/build.js";
import { profileReport } from "../profile/report.js";
import { profileSource } from "../profile/sql.js";
import { renderProfileText } from "../profile/text.js";
import type { TableProfile } from "../profile/types.js";
import { jsonSafe } from "../report/report.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, progress, saveEvidence, writeTextFile } from "./output.js";
import { closeRelation, relationFromArgs } from "./source-args.js";

const HELP = `assay profile <source> [options]

Summarises every column of a table: type, missing values, distinct count, min/max/mean/std (ddof = 1),
zeros, negatives, NaN/±Inf, quantiles 1%…99%, a histogram, the most frequent values, string lengths, and
values whose type looks wrong (numbers stored as text, mixed types). The profile is mergeable: profiles of
partitions merge into the profile of the whole, and drift, validation and monitoring all read it.
Columns of personal data (e-mails, phones, Luhn-valid cards, national ids, IPs, dates of birth, names,
street addresses; see 'assay lint') are redacted: counts stay, top values are masked, and min/max,
quantiles, histogram and the frequency table are left out, so the profile can be shared.

  <source>            a .csv .tsv .parquet .json .ndjson .jsonl or .arrow file, or a database:
                      postgres://user:pass@host:5432/db[?schema=S] or clickhouse://user:pass@host:8123/db
  --sql "SELECT …"    profile a DuckDB query over files instead
  --table T           the table of a database source (any name: it is quoted, never spliced)
  --where "…"         only rows where this predicate (the server's SQL) holds; the connection is read-only
  --partition-by COL  profile each value of COL separately on the server and merge the profiles (the
                      report lists every partition's rows); up to 1000 values
  --columns a,b       only these columns
  --engine sql|stream sql (default): DuckDB computes the profile (on all cores); stream: JavaScript over
                      record batches — large Parquet files are split across worker threads and merged
  --workers N         worker threads for the stream engine (default: one per core, up to 4, for Parquet
                      files of 1M+ rows; 1 otherwise)
  --json              print the profile (a Report envelope) as JSON on stdout
  --out FILE          save the profile JSON (read it back with 'assay drift FILE …')
  --html FILE         write a self-contained HTML report with a chart per column

examples:
  assay profile flights.parquet
  assay profile --sql "SELECT * FROM 'flights.parquet' WHERE month(date) = 1" --out jan.profile.json
  assay profile postgres://assay@db:5432/sales --table orders --where "placed >= '2026-01-01'"
  assay profile clickhouse://default@ch:8123/logs --table events --partition-by day --out events.json

A database table is profiled where it lives: the server counts and groups (one GROUP BY per column), only
the groups travel, and the profile is the same as from a file of the same rows (docs/pushdown.md).
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      sql: { type: "string" },
      table: { type: "string" },
      where: { type: "string" },
      "partition-by": { type: "string" },
      columns: { type: "string" },
      engine: { type: "string", default: "sql" },
      workers: { type: "string" },
      json: { type: "boolean", default: false },
      out: { type: "string" },
      html: { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  const engine = values.engine as string;
  if (engine !== "sql" && engine !== "stream")
    throw new UsageError(`--engine must be sql or stream, got '${engine}'`);
  const source = await relationFromArgs(positionals, values);
  try {
    return await profileOf(source, values, positionals, engine);
  } finally {
    await closeRelation(source);
  }
}

async function profileOf(
  source: DuckDBRelation | EngineRelation,
  values: Record<string, unknown>,
  positionals: string[],
  engine: string,
): Promise<number> {
  const columns = listOption(values.columns);
  for (const name of columns ?? [])
    if (!source.columns.some((c) => c.name === name))
      throw new UsageError(`${source.name}: no column named '${name}'`);
  const bar = progress(`profiling ${source.name}`);
  let profile: TableProfile;
  let partitions: PartitionedProfile["partitions"] | null = null;
  const partitionBy = values["partition-by"];
  if (typeof partitionBy === "string") {
    if (!("where" in source) || typeof source.where !== "function")
      throw new UsageError("--partition-by goes with a postgres:// or clickhouse:// source");
    if (engine !== "sql") throw new UsageError("--partition-by runs on the server: leave --engine at sql");
    const parted = await profilePartitions(source as EngineRelation, partitionBy, {
      columns,
      onPartition: (done, total) => bar.update(done / total),
    });
    profile = parted.profile;
    partitions = parted.partitions;
  } else if (engine === "sql") {
    profile = await profileSource(source, { columns, onStep: (done, total) => bar.update(done / total) });
  } else {
    const total = await source.rowCount();
    const infos = columns ? source.columns.filter((c) => columns.includes(c.name)) : source.columns;
    const path = typeof values.sql === "string" ? undefined : positionals[0];
    const workers = await workerCount(
      path,
      total,
      numberOption(values.workers, "--workers", { min: 1, max: 64 }),
    );
    if (workers > 1 && path && path.toLowerCase().endsWith(".parquet"))
      profile = await profileInWorkers(
        path,
        infos.map((c) => c.name),
        total,
        workers,
        { name: source.name, digest: await source.digest() },
        (done, all) => bar.update(done / all),
      );
    else
      profile = await profileBatches(
        infos,
        source.batches({ columns }),
        { name: source.name, digest: await source.digest() },
        { onBatch: (rows) => bar.update(total > 0 ? rows / total : 1) },
      );
  }
  bar.done();
  // personal columns never leave the machine with their values (docs/privacy.md)
  profile = redactPersonalColumns(profile).profile;
  const report = profileReport(profile, {
    columns: columns ?? null,
    ...("primaryKey" in source
      ? {
          table: values.table,
          where: values.where ?? null,
          database: source.dialect.name,
          partitionBy: partitionBy ?? null,
        }
      : {}),
    ...(partitions ? { partitions } : {}),
  });
  if (values.out) writeTextFile(values.out as string, `${JSON.stringify(jsonSafe(report))}\n`);
  if (values.html) {
    // Loaded only when asked for: the chart libraries cost more start-up time than the profile itself.
    const { renderProfileHtml } = await import("../profile/html.js");
    writeTextFile(values.html as string, await renderProfileHtml(report, profile));
  }
  saveEvidence(report);
  if (values.json) printJson(report);
  else process.stdout.write(renderProfileText(profile, report.results));
  return 0;
}
