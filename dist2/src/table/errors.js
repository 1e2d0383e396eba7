/**
 * The one error type for input a person can fix: bad arguments, a malformed file, a model that does not
 * fit the data, a query the engine rejects. Every layer throws it (or a domain error extending it); the
 * CLI prints its message on one line and exits 2, the monitoring service answers 400. Any other error is
 * a bug and is reported as an internal error.
 */
export class InputError extends Error {
    name = "InputError";
}
/**
 * The same error with `context: ` put before its message when it is an InputError (it keeps its class),
 * so a caller can say where the input came from (`--old: …`) without wrapping it in another type.
 */
export function inContext(error, context) {
    if (error instanceof InputError)
        error.message = `${context}: ${error.message}`;
    return error;
}
/** Collapses any error into one readable line (DuckDB messages span several lines). */
export function oneLine(error) {
    const text = error instanceof Error ? error.message : String(error);
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !/^LINE \d+:/.test(l) && !/^\^/.test(l));
    return lines.slice(0, 2).join(" — ").slice(0, 400);
}
