// The anchor for bench/profile.sh: DuckDB computing the profile's statistics with exact SQL, as one node process.
import { DuckDBInstance } from "@duckdb/node-api";

const file = process.argv[2];
const conn = await (await DuckDBInstance.create(":memory:")).connect();
const rel = `read_parquet('${file.replaceAll("'", "''")}')`;
const columns = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${rel}`)).getRowObjects();
const parts = ["count(*) AS n"];
for (const { column_name: name, column_type: type } of columns) {
  const c = `"${name}"`;
  parts.push(`count(${c})`, `count(DISTINCT ${c})`, `min(${c})`, `max(${c})`);
  if (/INT|DOUBLE|FLOAT|DECIMAL/.test(type))
    parts.push(
      `avg(${c})`,
      `stddev_samp(${c})`,
      `quantile_cont(${c}, [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])`,
    );
  if (/TIMESTAMP|DATE/.test(type))
    parts.push(`quantile_disc(${c}, [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])`);
}
const stats = (await conn.runAndReadAll(`SELECT ${parts.join(", ")} FROM ${rel}`)).getRowsJson();
const top = [];
for (const { column_name: name } of columns)
  top.push(
    (
      await conn.runAndReadAll(
        `SELECT "${name}", count(*) n FROM ${rel} GROUP BY ALL ORDER BY n DESC LIMIT 10`,
      )
    ).getRowsJson(),
  );
process.stdout.write(JSON.stringify({ stats, top }));
