import { writeTextFile } from "./text-file.js";
export function writeCsv(path, batch) {
    const lines = [batch.columns.map((c) => field(c.name)).join(",")];
    for (let i = 0; i < batch.length; i++)
        lines.push(batch.columns.map((c) => (c.valid[i] ? field(String(c.values[i])) : "")).join(","));
    writeTextFile(path, `${lines.join("\n")}\n`);
}
function field(text) {
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
