/**
 * What the browser test runs, in Chromium and in Node alike: profile January's and March's flights and
 * check drift between the two profiles, with the core alone (no io/, no Node built-ins).
 */
import { compareProfiles } from "../../src/drift/profiles.js";
import { renderDriftText } from "../../src/drift/text.js";
import { profileBatches } from "../../src/profile/build.js";
import { profileChecks } from "../../src/profile/checks.js";
import { renderProfileText } from "../../src/profile/text.js";
import { batchFromRows } from "../../src/table/types.js";
const COLUMNS = [
    { name: "date", type: "timestamp", sourceType: "TIMESTAMP" },
    { name: "delay", type: "integer", sourceType: "BIGINT" },
    { name: "distance", type: "integer", sourceType: "BIGINT" },
    { name: "origin", type: "string", sourceType: "VARCHAR" },
    { name: "destination", type: "string", sourceType: "VARCHAR" },
];
/** "2001/01/14 21:55" as UTC epoch ms, parsed by hand so no time zone enters. */
function epochMs(text) {
    const [y, mo, d, h, mi] = text.split(/[/ :]/).map(Number);
    return Date.UTC(y, mo - 1, d, h, mi);
}
async function profileMonth(rows, month) {
    const picked = rows
        .filter((r) => r.date.slice(5, 7) === month)
        .map((r) => ({ ...r, date: epochMs(r.date) }));
    // batches of 250 rows, so the profile is a fold over several batches as in the stream engine
    const batches = [];
    for (let at = 0; at < picked.length; at += 250)
        batches.push(batchFromRows(COLUMNS, picked.slice(at, at + 250), at));
    return profileBatches(COLUMNS, batches, { name: `flights 2001-${month}`, digest: "" });
}
export async function profileAndDrift(rows) {
    const reference = await profileMonth(rows, "01");
    const current = await profileMonth(rows, "03");
    const drift = compareProfiles(reference, current);
    return {
        reference,
        current,
        drift,
        profileText: renderProfileText(reference, profileChecks(reference)),
        driftText: renderDriftText(drift, {
            reference: { name: reference.source.name, rows: reference.rows },
            current: { name: current.source.name, rows: current.rows },
        }),
    };
}
