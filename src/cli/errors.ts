/** An error the user can fix: bad arguments or bad input. The CLI prints its message on one line and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Collapses any error into one readable line (DuckDB messages span several lines). */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^LINE \d+:/.test(l) && !/^\^/.test(l));
  return lines.slice(0, 2).join(" — ").slice(0, 400);
}
