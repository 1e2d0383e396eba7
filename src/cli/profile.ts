import { profileInWorkers, workerCount } from "../io/profile-workers.js";
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
import { sourceFromArgs } from "./source-args.js";

const HELP = `assay profile <source> [options]

Summarises every column of a table: type, missing values, distinct count, min/max/mean/std (ddof = 1),
zeros, negatives, NaN/±Inf, quantiles 1%…99%, a histogram, the most frequent values, string lengths, and
values whose type looks wrong (numbers stored as text, mixed types). The profile is mergeable: profiles of
partitions merge into the profile of the whole, and drift, validation and monitoring all read it.
Columns of personal data (e-mails, phones, Luhn-valid cards, national ids, IPs, dates of birth, names,
street addresses; see 'assay lint') are redacted: counts stay, top values are masked, and min/max,
quantiles, histogram and the frequency table are left out, so the profile can be shared.

  <source>            a .csv .tsv .parquet .json .ndjson .jsonl or .arrow file
  --sql "SELECT …"    profile a DuckDB query over files instead
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
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      sql: { type: "string" },
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
  const source = await sourceFromArgs(positionals, values.sql);
  const columns = listOption(values.columns);
  for (const name of columns ?? [])
    if (!source.columns.some((c) => c.name === name))
      throw new UsageError(`${source.name}: no column named '${name}'`);
  const bar = progress(`profiling ${source.name}`);
  let profile: TableProfile;
  if (engine === "sql") {
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
  const report = profileReport(profile, { columns: columns ?? null });
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
