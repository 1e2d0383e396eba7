import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
/** parseArgs with the house rules: unknown flags are usage errors, --help prints the command's help. */
export function parseCommand(argv, options, help) {
    try {
        const parsed = parseArgs({
            args: argv,
            options: { ...options, help: { type: "boolean", short: "h" } },
            allowPositionals: true,
            strict: true,
        });
        if (parsed.values.help) {
            process.stdout.write(help.endsWith("\n") ? help : `${help}\n`);
            return { values: parsed.values, positionals: parsed.positionals, help: true };
        }
        return { values: parsed.values, positionals: parsed.positionals, help: false };
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        throw new UsageError(`${error.message.split("\n")[0]} (see --help)`);
    }
}
/** Parses a number option, rejecting junk like "abc" or "". */
export function numberOption(value, flag, range) {
    if (value === undefined)
        return undefined;
    const n = Number(value);
    if (typeof value !== "string" || value.trim() === "" || !Number.isFinite(n))
        throw new UsageError(`${flag} expects a number, got '${String(value)}'`);
    if (range?.min !== undefined && n < range.min)
        throw new UsageError(`${flag} must be ≥ ${range.min}, got ${n}`);
    if (range?.max !== undefined && n > range.max)
        throw new UsageError(`${flag} must be ≤ ${range.max}, got ${n}`);
    return n;
}
/** Splits "a,b,c" into names, trimming blanks. */
export function listOption(value) {
    if (value === undefined)
        return undefined;
    return String(value)
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
