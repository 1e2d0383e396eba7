import { openSource } from "../io/source.js";
import { UsageError } from "./errors.js";
/** The `<source>` of DESIGN §3: a file path positional, or --sql "…". */
export async function sourceFromArgs(positionals, sql, what = "source") {
    if (typeof sql === "string") {
        if (positionals.length > 0)
            throw new UsageError(`give either a file or --sql, not both (got '${positionals[0]}' and --sql)`);
        return openSource({ sql });
    }
    if (positionals.length === 0)
        throw new UsageError(`missing ${what}: a data file (.csv .parquet …) or --sql "SELECT …"`);
    if (positionals.length > 1)
        throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(" ")}`);
    return openSource({ path: positionals[0] });
}
/** A usage error naming the flag when a source lacks a column the command needs. */
export function requireColumn(source, name, flag) {
    if (!source.columns.some((c) => c.name === name))
        throw new UsageError(`${source.name}: no column '${name}' (${flag}); columns: ${source.columns.map((c) => c.name).join(", ")}`);
}
