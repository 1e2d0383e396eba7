import { openSources } from "../io/source.js";
import { UsageError } from "./errors.js";
/**
 * Two `<source>`s of a command (calibration and evaluation, reference and current): file paths as
 * positionals in that order, or `--<first>-sql` / `--<second>-sql` queries in their place.
 */
export async function sourcePair(positionals, values, names, command) {
    const queue = [...positionals];
    const pick = (name) => {
        const sql = values[`${name}-sql`];
        if (typeof sql === "string")
            return { sql };
        const path = queue.shift();
        if (path === undefined)
            throw new UsageError(`missing ${name}: a data file or --${name}-sql "SELECT …"`);
        return { path };
    };
    const first = pick(names[0]);
    const second = pick(names[1]);
    if (queue.length > 0)
        throw new UsageError(`unexpected argument '${queue[0]}': ${command} takes a ${names[0]} and a ${names[1]}`);
    const [a, b] = await openSources([first, second]);
    return [a, b];
}
/** Columns both sources have, in the first one's order. */
export function sharedColumns(a, b) {
    const other = new Set(b.columns.map((c) => c.name));
    return a.columns.map((c) => c.name).filter((n) => other.has(n));
}
