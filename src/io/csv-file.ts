/**
 * Writes a batch as CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes
 * doubled; missing cells are empty), for tools outside Assay that read files — `assay pmv --train-cmd`.
 */
import type { Batch } from "../table/types.js";
import { writeTextFile } from "./text-file.js";

export function writeCsv(path: string, batch: Batch): void {
  const lines = [batch.columns.map((c) => field(c.name)).join(",")];
  for (let i = 0; i < batch.length; i++)
    lines.push(batch.columns.map((c) => (c.valid[i] ? field(String(c.values[i])) : "")).join(","));
  writeTextFile(path, `${lines.join("\n")}\n`);
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
