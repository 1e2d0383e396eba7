import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with the house rules: unknown flags are usage errors, --help prints the command's help. */
export function parseCommand<O extends Options>(
  argv: string[],
  options: O,
  help: string,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[]; help: boolean } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if ((parsed.values as Record<string, unknown>).help) {
      process.stdout.write(help.endsWith("\n") ? help : `${help}\n`);
      return { values: parsed.values as never, positionals: parsed.positionals, help: true };
    }
    return { values: parsed.values as never, positionals: parsed.positionals, help: false };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
}

/** Parses a number option, rejecting junk like "abc" or "". */
export function numberOption(
  value: unknown,
  flag: string,
  range?: { min?: number; max?: number },
): number | undefined {
  if (value === undefined) return undefined;
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
export function listOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return String(value)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
