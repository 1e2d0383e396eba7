/** The trust fixtures: numpy/scipy/scikit-learn reference values and the CSVs they were computed on. */
import { readFileSync } from "node:fs";
import { openSource } from "../../src/io/source.js";
import { readTable } from "../../src/model/index.js";
import { fixture } from "../helpers/cli.js";
export const trustOracle = JSON.parse(readFileSync(fixture("trust", "trust_oracles.json"), "utf8"));
export const NUMERIC = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];
const tables = new Map();
/** A fixture CSV as one batch (cached: several tests read adult). */
export function fixtureTable(...parts) {
    const path = fixture(...parts);
    let table = tables.get(path);
    if (!table) {
        table = openSource({ path }).then((s) => readTable(s));
        tables.set(path, table);
    }
    return table;
}
export function numbers(table, name) {
    return table.columns.find((c) => c.name === name).values;
}
/** Rows [start, end) of a batch. */
export function rowsOf(table, start, end) {
    return {
        length: end - start,
        offset: 0,
        columns: table.columns.map((c) => ({
            ...c,
            values: c.values.slice(start, end),
            valid: c.valid.slice(start, end),
        })),
    };
}
