import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { fixture } from "../helpers/cli.js";
/** Adult CSVs (no quoting, no NA cells): every cell as text, keyed by header. */
export function readAdult(split) {
    const text = gunzipSync(readFileSync(fixture("drift", `adult_${split}.csv.gz`))).toString("utf8");
    const lines = text.split("\n").filter((l) => l.length > 0);
    const header = lines[0].split(",");
    return { header, rows: lines.slice(1).map((l) => l.split(",")) };
}
export function column(table, name) {
    const k = table.header.indexOf(name);
    if (k < 0)
        throw new Error(`no column ${name}`);
    return table.rows.map((r) => r[k]);
}
