/**
 * ClickHouse's TabSeparated output, decoded: fields split on tabs, rows on newlines, `\N` for NULL and
 * backslash escapes inside text (`\t`, `\n`, `\\` …). Numbers come as text too: `nan`, `inf`, `-inf`
 * for the IEEE specials, which Number() does not read.
 */
const ESCAPES: Record<string, string> = {
  "\\": "\\",
  t: "\t",
  n: "\n",
  r: "\r",
  "0": "\0",
  b: "\b",
  f: "\f",
  "'": "'",
  '"': '"',
  "`": "`",
};

export function unescapeField(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c);
}

const SPECIAL: Record<string, number> = {
  nan: Number.NaN,
  inf: Infinity,
  "-inf": -Infinity,
  "+inf": Infinity,
};

export function numberField(field: string): number | null {
  if (field === "\\N") return null;
  return SPECIAL[field] ?? Number(field);
}

/** Whether a ClickHouse result type is read as a number: the casts of dialect.batchValue, counts, sums. */
export function isNumberType(type: string): boolean {
  return /^(Nullable\()?(U?Int\d+|Float\d+|Decimal)/.test(type);
}

/** Splits a stream of text into lines; the last, unterminated piece waits for more. */
export async function* lines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n", start)) {
      yield pending.slice(start, end);
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending !== "") yield pending;
}
