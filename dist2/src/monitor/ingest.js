import { InputError } from "../table/errors.js";
import { outOfBounds } from "./time-bounds.js";
import { parseTimestamp } from "./windows.js";
/** A request the client must fix; the server answers 400 with the message (as for any InputError). */
export class BadRequest extends InputError {
    statusCode = 400;
}
export const MAX_RECORDS_PER_REQUEST = 50_000;
const MAX_ID_LENGTH = 256;
/** The records of an ingest body: a JSON array, one JSON object, {"records": [...]}, or NDJSON text. */
export function recordsOf(body) {
    if (typeof body === "string")
        return ndjson(body);
    if (Array.isArray(body))
        return body;
    if (body !== null && typeof body === "object") {
        const records = body.records;
        if (Array.isArray(records))
            return records;
        return [body];
    }
    throw new BadRequest("body must be a JSON array of records, a JSON object, or NDJSON (one record per line)");
}
function ndjson(text) {
    const out = [];
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === "")
            continue;
        try {
            out.push(JSON.parse(line));
        }
        catch (error) {
            throw new BadRequest(`line ${i + 1}: not valid JSON (${error.message})`);
        }
    }
    return out;
}
function checkCount(records) {
    if (records.length === 0)
        throw new BadRequest("no records in the body");
    if (records.length > MAX_RECORDS_PER_REQUEST)
        throw new BadRequest(`${records.length} records in one request; the limit is ${MAX_RECORDS_PER_REQUEST}`);
}
function idOf(r, where) {
    const id = r.id;
    if (typeof id === "string" && id.length > 0 && id.length <= MAX_ID_LENGTH)
        return id;
    if (typeof id === "number" && Number.isSafeInteger(id))
        return String(id);
    throw new BadRequest(`${where}: "id" must be a non-empty string (≤ ${MAX_ID_LENGTH} characters) or an integer`);
}
const DATE_RANGE_ONLY = {
    bounds: { minTimestamp: -Infinity, maxFutureMs: Infinity },
    now: 0,
};
function timestampOf(r, where, clock) {
    const t = parseTimestamp(r.timestamp);
    if (t === null)
        throw new BadRequest(`${where}: "timestamp" must be an ISO 8601 string or epoch milliseconds, got ${brief(r.timestamp)}`);
    const wrong = outOfBounds(t, clock.bounds, clock.now);
    if (wrong !== null)
        throw new BadRequest(`${where} (id ${brief(r.id)}): "timestamp" ${wrong}`);
    return t;
}
function brief(v) {
    const s = JSON.stringify(v);
    return s === undefined ? "nothing" : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
function isScalar(v) {
    return v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean";
}
export const PREDICTION_FIELDS = ["id", "timestamp", "features", "prediction", "score", "version"];
export const LABEL_FIELDS = ["id", "label", "timestamp"];
/**
 * A record as an object with only the fields the route knows: a misspelt field ("scor": 0.3) would
 * otherwise be dropped and the record stored without its score (docs/monitor.md: unknown fields are
 * errors, not silently dropped).
 */
function objectAt(records, i, fields) {
    const r = records[i];
    if (r === null || typeof r !== "object" || Array.isArray(r))
        throw new BadRequest(`record ${i}: must be a JSON object`);
    for (const key of Object.keys(r))
        if (!fields.includes(key))
            throw new BadRequest(`record ${i}: unknown field "${key}"${nearest(key, fields)}; a record has ${fields.map((f) => `"${f}"`).join(", ")} (features go inside "features")`);
    return r;
}
/** ` (did you mean "score"?)` when a known field is one or two edits away. */
function nearest(key, fields) {
    const close = fields.find((f) => editDistance(key.toLowerCase(), f) <= 2);
    return close ? ` (did you mean "${close}"?)` : "";
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++)
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
    }
    return previous[b.length];
}
/** Validates prediction records; throws BadRequest naming the first bad record and field. */
export function parsePredictions(body, clock = DATE_RANGE_ONLY) {
    const records = recordsOf(body);
    checkCount(records);
    const out = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
        const r = objectAt(records, i, PREDICTION_FIELDS);
        const where = `record ${i}`;
        const features = r.features ?? {};
        if (features === null || typeof features !== "object" || Array.isArray(features))
            throw new BadRequest(`${where}: "features" must be an object of feature name → value`);
        for (const [k, v] of Object.entries(features)) {
            // '@score' and '@prediction' are the summary's own columns; a feature of that name merged into them
            if (k.startsWith("@"))
                throw new BadRequest(`${where}: feature "${k}": names starting with '@' are reserved (@score, @prediction); rename it`);
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
            version: version,
            features: features,
            prediction,
            score: score,
        };
    }
    return out;
}
export function parseLabels(body, clock = DATE_RANGE_ONLY) {
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
