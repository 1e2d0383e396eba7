import { createReadStream } from "node:fs";
import { DuckDBTimestampValue } from "@duckdb/node-api";
import { RecordBatchReader, Type } from "apache-arrow";
import { duckdbDialect } from "../table/duckdb-dialect.js";
import { InputError, oneLine } from "../table/errors.js";
let loaded = 0;
/**
 * Loads an Arrow IPC file (file or stream format) into a table of the in-process DuckDB (visible to all its connections) and returns its name.
 * DuckDB's arrow extension cannot be installed offline, so apache-arrow reads the file batch by batch
 * and DuckDB's appender stores it (DuckDB spills to disk past its memory limit).
 */
export async function loadArrowFile(conn, path) {
    const table = `assay_arrow_${++loaded}`;
    let reader;
    try {
        reader = await RecordBatchReader.from(createReadStream(path));
        await reader.open();
    }
    catch (error) {
        throw new InputError(`${path}: not a readable Arrow IPC file (${oneLine(error)})`);
    }
    const fields = reader.schema.fields;
    if (fields.length === 0)
        throw new InputError(`${path}: the Arrow file has no columns`);
    const kinds = fields.map((f) => kindOf(f.type));
    const ddl = fields.map((f, i) => `${duckdbDialect.ident(f.name)} ${SQL_TYPE[kinds[i]]}`).join(", ");
    await conn.run(`CREATE TABLE ${table} (${ddl})`);
    const appender = await conn.createAppender(table);
    try {
        for await (const batch of reader)
            appendBatch(appender, batch, kinds);
    }
    catch (error) {
        throw new InputError(`${path}: ${oneLine(error)}`);
    }
    appender.closeSync();
    return table;
}
const SQL_TYPE = {
    boolean: "BOOLEAN",
    integer: "BIGINT",
    float: "DOUBLE",
    timestamp: "TIMESTAMP",
    string: "VARCHAR",
};
function kindOf(type) {
    switch (type.typeId) {
        case Type.Bool:
            return "boolean";
        case Type.Int:
            return "integer";
        case Type.Float:
        case Type.Decimal:
            return "float";
        case Type.Date:
        case Type.Timestamp:
            return "timestamp";
        default:
            return "string";
    }
}
function appendBatch(appender, batch, kinds) {
    const vectors = kinds.map((_, i) => batch.getChildAt(i));
    for (let row = 0; row < batch.numRows; row++) {
        for (let c = 0; c < kinds.length; c++) {
            const v = vectors[c]?.get(row);
            if (v === null || v === undefined) {
                appender.appendNull();
                continue;
            }
            switch (kinds[c]) {
                case "boolean":
                    appender.appendBoolean(Boolean(v));
                    break;
                case "integer":
                    appender.appendBigInt(BigInt(v));
                    break;
                case "float":
                    appender.appendDouble(Number(v));
                    break;
                case "timestamp": {
                    const ms = v instanceof Date ? v.getTime() : Number(v);
                    appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms * 1000))));
                    break;
                }
                default:
                    appender.appendVarchar(typeof v === "string" ? v : JSON.stringify(v));
            }
        }
        appender.endRow();
    }
}
