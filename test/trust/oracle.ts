/** The trust fixtures: numpy/scipy/scikit-learn reference values and the CSVs they were computed on. */
import { readFileSync } from "node:fs";
import { openSource } from "../../src/io/source.js";
import { readTable } from "../../src/model/index.js";
import type { Batch } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";

export const trustOracle: any = JSON.parse(readFileSync(fixture("trust", "trust_oracles.json"), "utf8"));

export const NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

const tables = new Map<string, Promise<Batch>>();

/** A fixture CSV as one batch (cached: several tests read adult). */
export function fixtureTable(...parts: string[]): Promise<Batch> {
  const path = fixture(...parts);
  let table = tables.get(path);
  if (!table) {
    table = openSource({ path }).then((s) => readTable(s));
    tables.set(path, table);
  }
  return table;
}

export function numbers(table: Batch, name: string): Float64Array {
  return table.columns.find((c) => c.name === name)!.values as Float64Array;
}

/** Rows [start, end) of a batch. */
export function rowsOf(table: Batch, start: number, end: number): Batch {
  return {
    length: end - start,
    offset: 0,
    columns: table.columns.map(
      (c) =>
        ({
          ...c,
          values: c.values.slice(start, end),
          valid: c.valid.slice(start, end),
        }) as Batch["columns"][number],
    ),
  };
}
