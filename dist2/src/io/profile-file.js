import { readFileSync } from "node:fs";
import { PROFILE_FORMAT, PROFILE_VERSION } from "../profile/types.js";
import { InputError } from "../table/errors.js";
/** True when the path names a saved profile rather than a data file. */
export function isProfileFile(path) {
    if (!path.toLowerCase().endsWith(".json"))
        return false;
    try {
        const head = readFileSync(path, { encoding: "utf8" }).slice(0, 4096);
        return head.includes(`"format": "${PROFILE_FORMAT}"`) || head.includes(`"format":"${PROFILE_FORMAT}"`);
    }
    catch {
        return false;
    }
}
/** Reads a profile written by `assay profile --out` (or its --json output), checking format and version. */
export function readProfile(path) {
    let doc;
    try {
        doc = JSON.parse(readFileSync(path, "utf8"));
    }
    catch (error) {
        throw new InputError(`${path}: not a readable profile (${error.message.split("\n")[0]})`);
    }
    const p = doc;
    if (p?.format !== PROFILE_FORMAT)
        throw new InputError(`${path}: not an Assay profile (format is not "${PROFILE_FORMAT}")`);
    if (p.version !== PROFILE_VERSION)
        throw new InputError(`${path}: profile version ${String(p.version)} is not supported (this Assay reads version ${PROFILE_VERSION})`);
    if (!Array.isArray(p.columns) || typeof p.rows !== "number")
        throw new InputError(`${path}: profile has no rows/columns`);
    return {
        format: PROFILE_FORMAT,
        version: PROFILE_VERSION,
        engine: p.engine ?? "sql",
        source: p.source ?? { name: path, digest: "" },
        rows: p.rows,
        columns: p.columns,
    };
}
