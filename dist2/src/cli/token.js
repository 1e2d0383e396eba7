import { hashToken, newToken } from "../monitor/auth.js";
import { DEFAULT_DB, openStore } from "../monitor/open-store.js";
import { SCOPES } from "../monitor/store.js";
import { isoTime } from "../monitor/time-bounds.js";
import { parseDuration } from "../monitor/windows.js";
import { textTable } from "../report/format.js";
import { listOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson } from "./output.js";
const HELP = `usage: assay token create --scope ingest|read|admin [--scope …] [--name NAME] [--model M …] [--expires 90d]
       assay token list [--json]
       assay token revoke ID|NAME
       (each takes [--db sqlite:FILE | postgres://…] [--db-password-file FILE])

create  makes an API token for \`assay serve\` and prints it on stdout, alone, once. Only its SHA-256 hash
        is stored, so keep the printed token: it cannot be shown again. Scopes: ingest (send predictions
        and labels), read (monitors, alerts, /metrics), admin (everything, including models, references,
        rules and silences). --model limits the token to those models (repeatable or comma-separated):
        it may then use only their routes (and lists only them). --expires makes it stop working after
        that long.
list    shows every token: id (the first 12 hex digits of its hash), name, scopes, models, expiry.
revoke  deletes the tokens with that id (or any hash prefix of 8+ hex digits) or name; a running server
        refuses them from its next request on.
--db defaults to ${DEFAULT_DB}, the same default as assay serve.`;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        scope: { type: "string", multiple: true },
        name: { type: "string" },
        model: { type: "string", multiple: true },
        expires: { type: "string" },
        json: { type: "boolean", default: false },
        db: { type: "string" },
        "db-password-file": { type: "string" },
    }, HELP);
    if (help)
        return 0;
    const action = positionals[0];
    if (action === "create" && positionals.length === 1)
        return create(values);
    if (action === "list" && positionals.length === 1)
        return list(values);
    if (action === "revoke" && positionals.length === 2)
        return revoke(values, positionals[1]);
    throw new UsageError("expected 'assay token create|list|revoke …' (see --help)");
}
async function create(values) {
    const scopes = (values.scope ?? []).flatMap((s) => listOption(s) ?? []);
    if (scopes.length === 0)
        throw new UsageError("--scope is required: ingest, read or admin");
    for (const s of scopes)
        if (!SCOPES.includes(s))
            throw new UsageError(`unknown scope '${s}'; expected ingest, read or admin`);
    const models = values.model === undefined ? null : values.model.flatMap((m) => listOption(m) ?? []);
    for (const m of models ?? [])
        if (!MODEL_NAME.test(m))
            throw new UsageError(`--model '${m}' is not a model name`);
    if (models !== null && models.length === 0)
        throw new UsageError("--model needs a model name");
    let expiresAt = null;
    if (values.expires !== undefined) {
        const ms = parseDuration(String(values.expires));
        if (ms === null)
            throw new UsageError(`--expires expects a duration like 12h, 30d, got '${String(values.expires)}'`);
        expiresAt = Date.now() + ms;
        if (isoTime(expiresAt) === null)
            throw new UsageError(`--expires ${String(values.expires)} is too far away`);
    }
    const name = values.name ?? `token-${new Date().toISOString()}`;
    const store = await openStore(values.db ?? DEFAULT_DB, {
        passwordFile: values["db-password-file"],
    });
    try {
        const token = newToken();
        await store.addToken(hashToken(token), name, [...new Set(scopes)], {
            expiresAt,
            models: models === null ? null : [...new Set(models)],
        });
        process.stdout.write(`${token}\n`);
    }
    finally {
        await store.close();
    }
    return 0;
}
async function list(values) {
    const store = await openStore(values.db ?? DEFAULT_DB, {
        passwordFile: values["db-password-file"],
    });
    let tokens;
    try {
        tokens = await store.listTokens();
    }
    finally {
        await store.close();
    }
    const now = Date.now();
    if (values.json) {
        printJson({
            tokens: tokens.map((t) => ({
                ...t,
                expiresAt: isoTime(t.expiresAt),
                expired: t.expiresAt !== null && t.expiresAt <= now,
            })),
        });
        return 0;
    }
    const rows = tokens.map((t) => [
        t.id,
        t.name,
        t.scopes.join(","),
        t.models === null ? "*" : t.models.join(","),
        t.createdAt,
        t.expiresAt === null ? "never" : `${isoTime(t.expiresAt)}${t.expiresAt <= now ? " (expired)" : ""}`,
    ]);
    process.stdout.write(`${textTable(["id", "name", "scopes", "models", "created", "expires"], rows)}\n`);
    return 0;
}
async function revoke(values, idOrName) {
    const store = await openStore(values.db ?? DEFAULT_DB, {
        passwordFile: values["db-password-file"],
    });
    try {
        const n = await store.revokeTokens(idOrName);
        if (n === 0)
            throw new UsageError(`no token with id or name '${idOrName}' (see assay token list)`);
        process.stderr.write(`revoked ${n} token${n === 1 ? "" : "s"}\n`);
    }
    finally {
        await store.close();
    }
    return 0;
}
