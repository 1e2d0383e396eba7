import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSource } from "../io/source.js";
import { profileChecks } from "../profile/checks.js";
import { profileSource } from "../profile/sql.js";
import { renderProfileText } from "../report/profile-text.js";
import { jsonSafe, makeReport } from "../report/report.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { log, saveEvidence, writeTextFile } from "./output.js";

const HELP = `assay demo [--out DIR]

Runs Assay on real data that ships with the package (vega-datasets: 3,000,000 US flights, Jan–Jun 2001):
profiles January and June with the SQL engine, writes each profile (JSON) and an HTML report with a chart
per column, and prints the terminal summary. This is what \`npm start\` runs.

  --out DIR   where to write the reports (default .assay/demo)
`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(
    argv,
    { out: { type: "string", default: join(".assay", "demo") }, "no-serve": { type: "boolean" } },
    HELP,
  );
  if (help) return 0;
  const out = values.out as string;
  const flights = fileURLToPath(
    new URL("../../../node_modules/vega-datasets/data/flights-3m.parquet", import.meta.url),
  );
  const months: [string, number][] = [
    ["january", 1],
    ["june", 6],
  ];
  const { renderProfileHtml } = await import("../report/profile-html.js");
  for (const [name, month] of months) {
    log(`profiling flights, ${name} …`);
    let source: Awaited<ReturnType<typeof openSource>>;
    try {
      source = await openSource({
        sql: `SELECT * FROM '${flights.replaceAll("'", "''")}' WHERE month(date) = ${month}`,
      });
    } catch (error) {
      throw new UsageError(`the demo needs vega-datasets (run npm install): ${(error as Error).message}`);
    }
    const profile = await profileSource(source);
    const report = makeReport(
      "profile",
      {
        inputs: [{ name: `flights-3m.parquet (${name})`, digest: profile.source.digest, rows: profile.rows }],
        config: { engine: "sql", month },
        results: profileChecks(profile),
      },
      { ...profile, source: { ...profile.source, name: `flights-3m.parquet, ${name} 2001` } },
    );
    const json = join(out, `flights-${name}.profile.json`);
    const html = join(out, `flights-${name}.html`);
    writeTextFile(json, `${JSON.stringify(jsonSafe(report))}\n`);
    writeTextFile(
      html,
      await renderProfileHtml(report, {
        ...profile,
        source: { ...profile.source, name: `flights ${name} 2001` },
      }),
    );
    saveEvidence(report);
    process.stdout.write(
      `${renderProfileText({ ...profile, source: { ...profile.source, name: `flights, ${name} 2001` } }, report.results)}\n`,
    );
    process.stdout.write(`  profile: ${json}\n  report:  ${html}\n\n`);
  }
  return 0;
}
