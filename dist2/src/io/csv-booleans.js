import { PATTERNS } from "../profile/patterns.js";
import { duckdbDialect } from "../table/duckdb-dialect.js";
import { queryRows } from "./duckdb.js";
/** The one definition of "literally a boolean", shared with the profile's pattern counts. */
const LITERAL_BOOLEAN = PATTERNS.find(([kind]) => kind === "boolean")[1];
/**
 * DuckDB's CSV sniffer types a column BOOLEAN when its cells are Yes/No, Y/N, T/F or 1/0-like words, and
 * then only 0/1 is left of what the file wrote. Assay keeps BOOLEAN only when every cell is literally
 * true/false (the profile's boolean pattern); any other sniffed boolean column is read back as text, so
 * reports show `Yes`/`No` and a stray `Unknown` is one bad value instead of a column of the wrong type.
 * Returns the read_csv call with a `types` override for those columns (unchanged when there are none).
 */
export async function keepBooleanWords(conn, readCsv) {
    const sniffed = readCsv("");
    const described = await queryRows(conn, `DESCRIBE SELECT * FROM ${sniffed}`);
    const booleans = described.filter((r) => r.column_type === "BOOLEAN").map((r) => String(r.column_name));
    if (booleans.length === 0)
        return sniffed;
    const asText = (names) => `, types = {${names.map((n) => `${duckdbDialect.string(n)}: 'VARCHAR'`).join(", ")}}`;
    const pattern = duckdbDialect.string(LITERAL_BOOLEAN);
    const counts = booleans
        .map((n, i) => `count(*) FILTER (WHERE NOT regexp_matches(${duckdbDialect.ident(n)}, ${pattern}))::DOUBLE AS w${i}`)
        .join(", ");
    const [row] = await queryRows(conn, `SELECT ${counts} FROM ${readCsv(asText(booleans))}`);
    const words = booleans.filter((_, i) => row[`w${i}`] > 0);
    return words.length === 0 ? sniffed : readCsv(asText(words));
}
