function ident(name) {
    return `"${name.replaceAll('"', '""')}"`;
}
function string(text) {
    return `'${text.replaceAll("'", "''")}'`;
}
function number(x) {
    if (Number.isNaN(x))
        return "'nan'::DOUBLE";
    if (x === Number.POSITIVE_INFINITY)
        return "'inf'::DOUBLE";
    if (x === Number.NEGATIVE_INFINITY)
        return "'-inf'::DOUBLE";
    return `${x}::DOUBLE`;
}
function stringList(values) {
    return `[${values.map(string).join(", ")}]::VARCHAR[]`;
}
function batchValue(column) {
    const c = ident(column.name);
    switch (column.type) {
        case "string":
            return `CAST(${c} AS VARCHAR)`;
        case "date":
        case "timestamp":
            return `CAST(epoch_ms(CAST(${c} AS TIMESTAMP)) AS DOUBLE)`;
        default:
            return `CAST(${c} AS DOUBLE)`;
    }
}
/** DuckDB keeps file order for a window over a plain scan, so row_number() OVER () numbers rows as stored. */
function numbered(from) {
    return `(SELECT (row_number() OVER () - 1)::DOUBLE AS __row, * FROM ${from})`;
}
/** DuckDB's SQL text: the one implementation of identifier and literal quoting in Assay. */
export const duckdbDialect = {
    name: "duckdb",
    ident,
    string,
    number,
    stringList,
    batchValue,
    numbered,
};
