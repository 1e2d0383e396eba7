/** `assay signoff`: records a gate decision in the card's append-only sign-off log. */
import { appendFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { textDigest } from "../io/file-digest.js";
import { DEFAULT_CARD, loadCard, loadPolicy, readSignoffs, signoffLogPath } from "../io/readiness-files.js";
import { levelName } from "../readiness/levels.js";
import { DECISIONS, refuseSignoff, signoffLine } from "../readiness/signoff.js";
import { makeReport } from "../report/report.js";
import { listOption, numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson } from "./output.js";
const HELP = `usage: assay signoff --level N --role ROLE --by NAME --decision approve|reject|switchback [--to L]
                     [--component ID] [--items E1,E2|all] [--note TEXT] [--card FILE] [--log FILE] [--json]

Records a decision at the gate of level N in the card's sign-off log (default assay.signoffs.jsonl beside
the card): one JSON line with the time, the card's sha256 and the sha256 of the line before it, so the log
is append-only and any edit shows (docs/readiness.md). A sign-off counts only for the card version it was
given on; after the card changes, gates need signing again.

  --level N           the gate (1–9): the review that certifies level N
  --role ROLE         the role signing, one the level's gate asks for (policy), e.g. reviewer, product, ops, ethics
  --by NAME           who signs: a reviewer the card names with that role, never an owner
  --decision D        approve, reject, or switchback (send the work back to --to L, below N and not
                      below the card's entry level; 4 → 2 and 9 → 4 are MLTRL's embedded switchbacks)
  --component ID      the component reviewed (default: the whole system)
  --items E1,E2|all   ethics checklist items covered (with --role ethics)
  --note TEXT         why (shown beside the decision; a switchback's cause)
  --card FILE         the card (default ${DEFAULT_CARD})
  --log FILE          the log (default: the card's signoffs field)
  --json              print the recorded entry as a report on stdout

exit codes: 0 recorded · 2 refused (an owner signing, an unknown reviewer or role, a switchback below the
entry level, a bad card or log) — nothing is written then`;
export async function run(argv) {
    const { values: v, positionals, help, } = parseCommand(argv, {
        level: { type: "string" },
        role: { type: "string" },
        by: { type: "string" },
        decision: { type: "string" },
        to: { type: "string" },
        component: { type: "string" },
        items: { type: "string" },
        note: { type: "string" },
        card: { type: "string" },
        log: { type: "string" },
        json: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
    for (const flag of ["level", "role", "by", "decision"])
        if (typeof v[flag] !== "string" || v[flag].trim() === "")
            throw new UsageError(`--${flag} is required (see --help)`);
    const level = whole(v.level, "--level", 1);
    const decision = String(v.decision);
    if (!DECISIONS.includes(decision))
        throw new UsageError(`--decision expects ${DECISIONS.join(", ")}, got '${String(v.decision)}'`);
    const to = v.to === undefined ? null : whole(v.to, "--to", 0);
    const loaded = loadCard(v.card ?? DEFAULT_CARD);
    const { card } = loaded;
    const role = String(v.role).trim();
    const items = v.items === "all" ? card.ethics.map((e) => e.id) : (listOption(v.items) ?? []);
    if (items.length > 0 && role !== "ethics")
        throw new UsageError("--items are ethics checklist items: sign them with --role ethics");
    const entry = {
        level,
        role,
        by: String(v.by).trim(),
        decision,
        to,
        component: v.component ?? null,
        items,
        note: v.note ?? null,
    };
    const refusal = refuseSignoff(card, entry);
    if (refusal)
        throw new UsageError(refusal);
    const gate = loadPolicy(loaded).levels.find((g) => g.level === level);
    const allowed = new Set([...(gate?.roles ?? []), ...(gate?.items.includes("ethics") ? ["ethics"] : [])]);
    if (decision !== "switchback" && !allowed.has(role))
        throw new UsageError(`level ${level}'s gate is signed by ${[...allowed].join(", ") || "nobody"}; '${role}' is not one of them`);
    const logPath = signoffLogPath(loaded, v.log);
    const { lastLine } = readSignoffs(logPath); // a broken chain stops here, before anything is appended
    const at = new Date();
    const line = signoffLine({ ...entry, at: at.toISOString(), card: { id: card.technology.id, digest: loaded.digest } }, lastLine, textDigest);
    if (!existsSync(dirname(logPath)))
        mkdirSync(dirname(logPath), { recursive: true });
    appendFileSync(logPath, `${line}\n`);
    if (v.json)
        printJson(makeReport("signoff", {
            inputs: [{ name: loaded.path, digest: loaded.digest, rows: 0 }],
            config: { log: logPath },
            results: [],
        }, { entry: JSON.parse(line) }, at));
    else
        process.stdout.write(`${entry.by} (${role}) ${decision === "switchback" ? `sent level ${level} back to ${to} (${levelName(to ?? 0)})` : `${decision === "approve" ? "approved" : "rejected"} level ${level} (${levelName(level)})`}${entry.component ? ` for ${entry.component}` : ""}; recorded in ${logPath}\n`);
    return 0;
}
function whole(value, flag, min) {
    const n = numberOption(value, flag, { min, max: 9 });
    if (!Number.isInteger(n))
        throw new UsageError(`${flag} expects a whole level, got ${n}`);
    return n;
}
