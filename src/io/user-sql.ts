import { isAbsolute, resolve } from "node:path";
import { type DuckDBConnection, StatementType } from "@duckdb/node-api";
import { InputError, oneLine } from "../table/errors.js";

/**
 * A user's `--sql` is run as exactly one read-only SELECT, on a DuckDB whose file access is limited to
 * the files the query names. Wrapping the text in parentheses alone was not enough: `SELECT 1 AS a);
 * COPY (…) TO 'x.csv'; SELECT * FROM (SELECT 1 AS a` split into three statements and wrote the file,
 * and `read_text('/etc/passwd')` read what it liked.
 */

/** Data files a query may name; their compressed forms too. */
const DATA_FILE = /\.(csv|tsv|parquet|json|ndjson|jsonl)(\.(gz|zst))?$/i;
const GLOB = /[*?[{]/;

interface FileAccess {
  /** Files the query names (absolute). */
  paths: string[];
  /** Directories of the globs it names (absolute, with a trailing slash). */
  directories: string[];
}

/**
 * The data files named in a query's string literals ('…') and quoted identifiers ("…"), which is how
 * DuckDB queries name files (`FROM 'a.csv'`, `read_parquet('b/*.parquet')`). A glob allows the directory
 * before its first wildcard. Anything else the query names — `/etc/passwd`, a database to ATTACH — stays
 * unreadable. Comments are skipped.
 */
export function namedFiles(sql: string, cwd = process.cwd()): FileAccess {
  const paths = new Set<string>();
  const directories = new Set<string>();
  for (const text of quotedTexts(sql)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) continue; // URLs: no network here, and not a local file
    if (GLOB.test(text)) {
      const cut = text.search(GLOB);
      const dir = text.slice(0, text.lastIndexOf("/", cut) + 1);
      const pattern = text.slice(cut);
      if (!DATA_FILE.test(pattern.replace(/[*?]/g, "x"))) continue;
      // a glob with '..' after its wildcard could climb out of the directory it names
      if (pattern.split("/").includes("..")) continue;
      const abs = resolve(cwd, dir === "" ? "." : dir);
      directories.add(abs.endsWith("/") ? abs : `${abs}/`);
    } else if (DATA_FILE.test(text)) {
      paths.add(isAbsolute(text) ? resolve(text) : resolve(cwd, text));
    }
  }
  return { paths: [...paths], directories: [...directories] };
}

function quotedTexts(sql: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = "";
      while (j < sql.length) {
        if (sql[j] === c && sql[j + 1] === c) {
          text += c;
          j += 2;
        } else if (sql[j] === c) break;
        else text += sql[j++];
      }
      out.push(text);
      i = j + 1;
    } else i++;
  }
  return out;
}

const STATEMENT_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(StatementType)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => [v as number, k.replace(/_STATEMENT$/, "")]),
);

/**
 * Checks that `sql` is exactly one SELECT (WITH … SELECT, VALUES, FROM-first and PIVOT are SELECTs to
 * DuckDB) and returns it without trailing semicolons, ready to be wrapped as a subquery.
 */
export async function singleSelect(conn: DuckDBConnection, sql: string): Promise<string> {
  const text = sql.replace(/[\s;]+$/, "");
  if (text.trim() === "") throw new InputError("--sql is empty");
  let extracted: Awaited<ReturnType<DuckDBConnection["extractStatements"]>>;
  try {
    extracted = await conn.extractStatements(text);
  } catch (error) {
    throw new InputError(`sql: ${oneLine(error).replace(/^Failed to extract statements: /, "")}`);
  }
  if (extracted.count !== 1)
    throw new InputError(`--sql must be exactly one SELECT statement; found ${extracted.count} statements`);
  let type: number;
  try {
    type = (await extracted.prepare(0)).statementType;
  } catch (error) {
    throw new InputError(`sql: ${oneLine(error)}`);
  }
  if (type !== StatementType.SELECT)
    throw new InputError(
      `--sql must be a read-only SELECT query; found a ${STATEMENT_NAMES[type] ?? "non-SELECT"} statement`,
    );
  return text;
}
