/**
 * The sandbox for SQL a contract's author writes (`expect`, `when`, `aggregate`): one expression over the
 * batch's columns, never a statement, a subquery or a table function. The text is spliced into the
 * validation scan (`count(*) FILTER (WHERE NOT (…))`), so a `)` that closes the wrapper early, a `;`, a
 * comment that swallows the rest, or a `SELECT … FROM read_text('/etc/passwd')` must all be refused
 * before any engine sees it. The check is lexical (quotes, comments, parentheses, keywords) and so the
 * same for every engine; the command line also runs the rules on a DuckDB locked to the files they name
 * (src/io/user-sql.ts is the same idea for `--sql`).
 */

/** Keywords that start a statement or a subquery, or name a table: none belongs in a row expression. */
const FORBIDDEN = new Set(
  (
    "select from with table values pivot unpivot union intersect except insert update delete merge " +
    "copy attach detach pragma set reset install load create drop alter call export import checkpoint " +
    "vacuum execute prepare deallocate describe show summarize use begin commit rollback grant revoke " +
    "returning into lateral join"
  ).split(" "),
);

/** Functions that reach outside the row: the engine's settings, environment, files, sequences. */
const FORBIDDEN_FUNCTION =
  /^(read_\w*|\w*_scan|glob|getenv|current_setting|query|query_table|sniff_csv|nextval|currval|setseed|random|uuid|gen_random_uuid|pg_\w*|file\w*)$/i;

/** Why `text` is not one safe expression, or null when it is. */
export function expressionProblem(text: string): string | null {
  if (text.trim() === "") return "is empty";
  let depth = 0;
  let i = 0;
  const words: { word: string; next: string }[] = [];
  while (i < text.length) {
    const c = text[i];
    if (c === "'" || c === '"') {
      // E'…' reads backslash escapes, so its end is not where a plain string's is
      if (c === "'" && /[A-Za-z0-9_&]/.test(text[i - 1] ?? ""))
        return "must not use prefixed string literals (E'…', X'…', U&'…')";
      const end = closingQuote(text, i);
      if (end < 0) return `has an unterminated ${c === "'" ? "string" : "quoted name"}`;
      i = end + 1;
      continue;
    }
    if ((c === "-" && text[i + 1] === "-") || (c === "/" && text[i + 1] === "*"))
      return "must not contain comments";
    if (c === ";") return "must be one expression: ';' is not allowed";
    if (c === "$") return "must not contain '$' (parameters and dollar-quoted strings)";
    if (c === "(") depth++;
    if (c === ")" && --depth < 0) return "has a ')' without its '('";
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && /\w/.test(text[j])) j++;
      let k = j;
      while (k < text.length && /\s/.test(text[k])) k++;
      words.push({ word: text.slice(i, j), next: text[k] ?? "" });
      i = j;
      continue;
    }
    i++;
  }
  if (depth > 0) return "has a '(' without its ')'";
  for (const { word, next } of words) {
    if (FORBIDDEN.has(word.toLowerCase()))
      return `must be one expression over the row, not a query: '${word}' is not allowed`;
    if (next === "(" && FORBIDDEN_FUNCTION.test(word)) return `must not call ${word}()`;
  }
  return null;
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one), or -1. */
function closingQuote(text: string, start: number): number {
  const q = text[start];
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] !== q) continue;
    if (text[j + 1] === q) j++;
    else return j;
  }
  return -1;
}
