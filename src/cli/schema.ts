import { isProfileFile, readProfile } from "../io/profile-file.js";
import { inferSchema } from "../schema/infer.js";
import { inferRelationSchema } from "../schema/infer-relation.js";
import { schemaToYaml } from "../schema/yaml-write.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { progress, writeTextFile } from "./output.js";
import { sourceFromArgs } from "./source-args.js";

const HELP = `assay schema infer <source> [options]

Infers a data contract from reference data: a commented, versioned YAML file (format assay.schema v1,
docs/schema.md) with, per column, its type, presence, allowed missing fraction, a domain of values with
their reference shares, a numeric range, reference quantiles (for unit changes), a string format and
uniqueness; per table a row-count range and an allowed duplicate-row fraction. Every tolerance is an
upper confidence bound on what the reference showed, and the file's comments say how each was set.
Review it, edit it, commit it, then check every batch with 'assay validate <batch> --schema FILE'.

  <source>             a .csv .tsv .parquet .json .ndjson .jsonl or .arrow file, or a saved profile
                       (assay profile --out p.json; then no duplicate-row or identifier-format rules)
  --sql "SELECT …"     infer from a DuckDB query over files instead
  --out FILE           write the schema here (default: print it on stdout)
  --confidence C       one-sided confidence of every tolerance (default 0.999)
  --max-domain N       most distinct values a column may have and still get a domain (default 1000)

example:
  assay schema infer adult_train.csv --out adult.schema.yaml
`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === "--help" || sub === "-h") {
    process.stdout.write(HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== "infer")
    throw new UsageError(`unknown subcommand 'schema ${sub}'; try 'assay schema infer <source>'`);
  const { values, positionals, help } = parseCommand(
    rest,
    {
      sql: { type: "string" },
      out: { type: "string" },
      confidence: { type: "string" },
      "max-domain": { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  const confidence = numberOption(values.confidence, "--confidence", { min: 0.5, max: 0.999999 }) ?? 0.999;
  const maxDomain = numberOption(values["max-domain"], "--max-domain", { min: 1 }) ?? 1000;
  if (values.sql === undefined && positionals.length === 1 && isProfileFile(positionals[0])) {
    // A saved profile (assay profile --out): no data to count duplicate rows or value shapes in.
    const profile = readProfile(positionals[0]);
    if (profile.rows === 0) throw new UsageError(`${positionals[0]}: the profile has no rows`);
    const { schema, explain } = inferSchema(profile, { confidence, maxDomain, duplicateRows: null });
    return emit(schemaToYaml(schema, explain), schema.columns.length, profile.source.name, values.out);
  }
  const source = await sourceFromArgs(positionals, values.sql);
  const bar = progress(`profiling ${source.name}`);
  const { schema, explain } = await inferRelationSchema(source, {
    confidence,
    maxDomain,
    onStep: (done, total) => bar.update(done / total),
  }).finally(() => bar.done());
  return emit(schemaToYaml(schema, explain), schema.columns.length, source.name, values.out);
}

function emit(text: string, columns: number, name: string, out: unknown): number {
  if (typeof out === "string") {
    writeTextFile(out, text);
    process.stderr.write(`schema for ${columns} columns of ${name} written to ${out}\n`);
  } else process.stdout.write(text);
  return 0;
}
