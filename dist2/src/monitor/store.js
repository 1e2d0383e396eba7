export const SCOPES = ["ingest", "read", "admin"];
/** A stored token row as both stores read it. */
export function tokenFromRow(row) {
    return {
        id: row.hash.slice(0, 12),
        name: row.name,
        scopes: row.scopes.split(","),
        createdAt: row.created_at,
        expiresAt: row.expires_at === null ? null : Number(row.expires_at),
        models: row.models === null ? null : JSON.parse(row.models),
    };
}
/** Encodes an arbitrary JSON value for a TEXT column (undefined → null). */
export function encodeJson(value) {
    return value === undefined || value === null ? null : JSON.stringify(value);
}
export function decodeJson(text) {
    return text === null || text === undefined ? null : JSON.parse(String(text));
}
