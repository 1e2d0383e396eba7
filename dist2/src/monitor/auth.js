import { createHash, randomBytes } from "node:crypto";
/** A new API token: 32 random bytes, base64url, with a recognisable prefix (for secret scanners). */
export function newToken() {
    return `assay_${randomBytes(32).toString("base64url")}`;
}
/** Tokens are stored as their SHA-256 only; a database leak does not leak usable tokens. */
export function hashToken(token) {
    return createHash("sha256").update(token).digest("hex");
}
/** admin may do everything; otherwise the exact scope is needed. */
export function allows(granted, needed) {
    return granted.includes("admin") || granted.includes(needed);
}
/** The token in an `Authorization: Bearer …` header, or null. */
export function bearerToken(header) {
    if (!header)
        return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1] : null;
}
