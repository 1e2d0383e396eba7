import { InputError } from "../table/errors.js";
import type { LabelRecord, PredictionRecord } from "./records.js";
import { outOfBounds, type TimeBounds } from "./time-bounds.js";
import { parseTimestamp } from "./windows.js";

/** A request the client must fix; the server answers 400 with the message (as for any InputError). */
export class BadRequest extends InputError {
  readonly statusCode = 400;
}

const MAX_RECORDS_PER_REQUEST = 50_000;
const MAX_ID_LENGTH = 256;

/** The records of an ingest body: a JSON array, one JSON object, {"records": [...]}, or NDJSON text. */
function recordsOf(body: unknown): unknown[] {
  if (typeof body === "string") return ndjson(body);
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === "object") {
    const records = (body as { records?: unknown }).records;
    if (Array.isArray(records)) {
      const extra = Object.keys(body).find((k) => k !== "records");
      if (extra !== undefined)
        throw new BadRequest(
          `unknown field "${extra}" beside "records": a body is {"records": [...]} and nothing else`,
        );
      return records;
    }
    return [body];
  }
  throw new BadRequest(
    "body must be a JSON array of records, a JSON object, or NDJSON (one record per line)",
  );
}

function ndjson(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") continue;
    try {
      out.push(JSON.parse(line));
    } catch (error) {
      throw new BadRequest(`line ${i + 1}: not valid JSON (${(error as Error).message})`);
    }
  }
  return out;
}

function checkCount(records: unknown[]): void {
  if (records.length === 0) throw new BadRequest("no records in the body");
  if (records.length > MAX_RECORDS_PER_REQUEST)
    throw new BadRequest(`${records.length} records in one request; the limit is ${MAX_RECORDS_PER_REQUEST}`);
}

function idOf(r: Record<string, unknown>, where: string): string {
  const id = r.id;
  if (typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH) return id;
  if (typeof id === "number" && Number.isSafeInteger(id)) return String(id);
  throw new BadRequest(
    `${where}: "id" must be a non-empty string (≤ ${MAX_ID_LENGTH} characters) or an integer`,
  );
}

/** Time bounds at a server time; without them only the Date range is enforced (library use). */
interface IngestClock {
  bounds: TimeBounds;
  now: number;
}

const DATE_RANGE_ONLY: IngestClock = {
  bounds: { minTimestamp: -Infinity, maxFutureMs: Infinity },
  now: 0,
};

function timestampOf(r: Record<string, unknown>, where: string, clock: IngestClock): number {
  const t = parseTimestamp(r.timestamp);
  if (t === null)
    throw new BadRequest(
      `${where}: "timestamp" must be an ISO 8601 string or epoch milliseconds, got ${brief(r.timestamp)}`,
    );
  const wrong = outOfBounds(t, clock.bounds, clock.now);
  if (wrong !== null) throw new BadRequest(`${where} (id ${brief(r.id)}): "timestamp" ${wrong}`);
  return t;
}

function brief(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? "nothing" : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}

const PREDICTION_FIELDS = ["id", "timestamp", "features", "prediction", "score", "version"] as const;
const LABEL_FIELDS = ["id", "label", "timestamp"] as const;

/**
 * A record as an object with only the fields the route knows: a misspelt field ("scor": 0.3) would
 * otherwise be dropped and the record stored without its score (docs/monitor.md: unknown fields are
 * errors, not silently dropped).
 */
function objectAt(records: unknown[], i: number, fields: readonly string[]): Record<string, unknown> {
  const r = records[i];
  if (r === null || typeof r !== "object" || Array.isArray(r))
    throw new BadRequest(`record ${i}: must be a JSON object`);
  for (const key of Object.keys(r))
    if (!fields.includes(key))
      throw new BadRequest(
        `record ${i}: unknown field "${key}"${nearest(key, fields)}; a record has ${fields.map((f) => `"${f}"`).join(", ")} (features go inside "features")`,
      );
  return r as Record<string, unknown>;
}

/** ` (did you mean "score"?)` when a known field is one or two edits away. */
function nearest(key: string, fields: readonly string[]): string {
  const close = fields.find((f) => editDistance(key.toLowerCase(), f) <= 2);
  return close ? ` (did you mean "${close}"?)` : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
}

/** Validates prediction records; throws BadRequest naming the first bad record and field. */
export function parsePredictions(body: unknown, clock: IngestClock = DATE_RANGE_ONLY): PredictionRecord[] {
  const records = recordsOf(body);
  checkCount(records);
  const out: PredictionRecord[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = objectAt(records, i, PREDICTION_FIELDS);
    const where = `record ${i}`;
    const features = r.features ?? {};
    if (features === null || typeof features !== "object" || Array.isArray(features))
      throw new BadRequest(`${where}: "features" must be an object of feature name → value`);
    for (const [k, v] of Object.entries(features)) {
      // '@score' and '@prediction' are the summary's own columns; a feature of that name merged into them
      if (k.startsWith("@"))
        throw new BadRequest(
          `${where}: feature "${k}": names starting with '@' are reserved (@score, @prediction); rename it`,
        );
      if (!isScalar(v))
        throw new BadRequest(`${where}: feature "${k}" must be a number, string, boolean or null`);
    }
    const score = r.score ?? null;
    if (score !== null && (typeof score !== "number" || !Number.isFinite(score)))
      throw new BadRequest(`${where}: "score" must be a finite number or null, got ${brief(score)}`);
    const prediction = r.prediction ?? null;
    if (!isScalar(prediction))
      throw new BadRequest(`${where}: "prediction" must be a number, string, boolean or null`);
    const version = r.version ?? null;
    if (version !== null && (typeof version !== "string" || version.length > 128))
      throw new BadRequest(`${where}: "version" must be a string (≤ 128 characters)`);
    out[i] = {
      id: idOf(r, where),
      timestamp: timestampOf(r, where, clock),
      version: version as string | null,
      features: features as Record<string, unknown>,
      prediction,
      score: score as number | null,
    };
  }
  return out;
}

export function parseLabels(body: unknown, clock: IngestClock = DATE_RANGE_ONLY): LabelRecord[] {
  const records = recordsOf(body);
  checkCount(records);
  return records.map((_, i) => {
    const r = objectAt(records, i, LABEL_FIELDS);
    const where = `record ${i}`;
    if (!("label" in r) || !isScalar(r.label) || r.label === null)
      throw new BadRequest(`${where}: "label" must be a number, string or boolean`);
    return { id: idOf(r, where), label: r.label, timestamp: timestampOf(r, where, clock) };
  });
}
