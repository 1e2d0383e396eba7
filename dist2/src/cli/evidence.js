/** `assay evidence list|prune`: the store every command saves its report in (for assay readiness). */
import { evidenceDirectory, evidenceDisabled } from "../io/evidence.js";
import { deleteReports, listEvidence, reportsToPrune } from "../io/evidence-store.js";
import { parseDuration } from "../monitor/windows.js";
import { formatNumber, textTable } from "../report/format.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson } from "./output.js";
const HELP = `usage: assay evidence [list] [--dir DIR] [--json]
       assay evidence prune (--older-than DURATION | --keep N) [--dir DIR] [--dry-run] [--json]

Every command saves its report (the JSON of --json) in the evidence store, so that assay readiness can
tell fresh evidence from stale: .assay/evidence/ under the working directory, or $ASSAY_HOME/evidence.
Turn that off for one command with --no-evidence, or for a shell with ASSAY_NO_EVIDENCE=1.

  list                 the store's reports by kind: how many, how big, the newest (the default)
  prune                delete reports: --older-than 30d (created before; units ms s m h d w) and/or
                       --keep N (the newest N of each kind stay); files that are not reports stay
  --dir DIR            another store (e.g. a card's evidence folder)
  --dry-run            say what prune would delete, delete nothing
  --json               print the result as JSON

Readiness counts only fresh evidence (30 days by default), so pruning older reports loses nothing it
uses; pruning with --keep may drop a report that an older gate still needs.`;
const OPTIONS = {
    dir: { type: "string" },
    "older-than": { type: "string" },
    keep: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
};
export async function run(argv) {
    const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
    if (help)
        return 0;
    const [action = "list", ...rest] = positionals;
    if (rest.length > 0)
        throw new UsageError(`unexpected argument '${rest[0]}'`);
    const dir = typeof v.dir === "string" ? v.dir : evidenceDirectory();
    const reports = listEvidence(dir);
    if (action === "list")
        return list(dir, reports, v.json === true);
    if (action !== "prune")
        throw new UsageError(`unknown evidence action '${action}' (list, prune)`);
    const olderThan = typeof v["older-than"] === "string" ? parseDuration(v["older-than"]) : undefined;
    if (olderThan === null)
        throw new UsageError(`--older-than must be a duration like 30d, 12h, 2w; got '${v["older-than"]}'`);
    const keep = numberOption(v.keep, "--keep", { min: 0 });
    if (keep !== undefined && !Number.isInteger(keep))
        throw new UsageError("--keep must be a whole number");
    if (olderThan === undefined && keep === undefined)
        throw new UsageError("say what to prune: --older-than DURATION and/or --keep N");
    const doomed = reportsToPrune(reports, {
        before: olderThan === undefined ? undefined : Date.now() - olderThan,
        keep,
    });
    if (v["dry-run"] !== true)
        deleteReports(doomed);
    const bytes = doomed.reduce((s, r) => s + r.bytes, 0);
    if (v.json)
        printJson({
            dir,
            dryRun: v["dry-run"] === true,
            deleted: doomed.map((r) => r.file),
            bytes,
            kept: reports.length - doomed.length,
        });
    else
        process.stdout.write(`${v["dry-run"] ? "would delete" : "deleted"} ${doomed.length} of ${reports.length} reports in ${dir} (${size(bytes)}); ${reports.length - doomed.length} kept\n`);
    return 0;
}
function list(dir, reports, json) {
    const byKind = new Map();
    for (const r of reports) {
        const k = byKind.get(r.kind) ?? { count: 0, bytes: 0, newest: r.createdAt };
        k.count++;
        k.bytes += r.bytes;
        byKind.set(r.kind, k);
    }
    const total = reports.reduce((s, r) => s + r.bytes, 0);
    if (json) {
        printJson({
            dir,
            disabled: evidenceDisabled(),
            reports: reports.length,
            bytes: total,
            kinds: Object.fromEntries(byKind),
        });
        return 0;
    }
    const lines = [
        `evidence store ${dir}: ${reports.length} report${reports.length === 1 ? "" : "s"}, ${size(total)}${evidenceDisabled() ? " (saving is off in this shell)" : ""}`,
    ];
    if (byKind.size > 0)
        lines.push(textTable(["kind", "reports", "size", "newest"], [...byKind].map(([kind, k]) => [kind, String(k.count), size(k.bytes), k.newest])));
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
}
function size(bytes) {
    return bytes >= 1_048_576 ? `${formatNumber(bytes / 1_048_576)} MB` : `${formatNumber(bytes / 1024)} KB`;
}
