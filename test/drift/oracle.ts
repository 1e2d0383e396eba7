import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fixture } from "../helpers/cli.js";

/** Reads a fixture JSON from test/fixtures/drift/. */
export function readOracle<T = any>(name: string): T {
  return JSON.parse(readFileSync(fixture("drift", name), "utf8")) as T;
}

/** Adult CSVs (no quoting, no NA cells): every cell as text, keyed by header. */
export function readAdult(split: "train" | "test"): { header: string[]; rows: string[][] } {
  const text = gunzipSync(readFileSync(fixture("drift", `adult_${split}.csv.gz`))).toString("utf8");
  const lines = text.split("\n").filter((l) => l.length > 0);
  const header = lines[0].split(",");
  return { header, rows: lines.slice(1).map((l) => l.split(",")) };
}

export function column(table: { header: string[]; rows: string[][] }, name: string): string[] {
  const k = table.header.indexOf(name);
  if (k < 0) throw new Error(`no column ${name}`);
  return table.rows.map((r) => r[k]);
}

/** |a − b| ≤ tol·|b| (or both zero). */
export function relClose(actual: number, expected: number, tol: number): boolean {
  if (expected === 0) return Math.abs(actual) <= tol;
  return Math.abs(actual - expected) <= tol * Math.abs(expected);
}
