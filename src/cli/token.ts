import { hashToken, newToken } from "../monitor/auth.js";
import { DEFAULT_DB, openStore } from "../monitor/open-store.js";
import { SCOPES, type Scope } from "../monitor/store.js";
import { listOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";

const HELP = `usage: assay token create --scope ingest|read|admin [--scope …] [--name NAME] [--db sqlite:FILE | postgres://…]

Creates an API token for \`assay serve\` and prints it on stdout, alone, once. Only its SHA-256 hash is
stored, so keep the printed token: it cannot be shown again. Scopes: ingest (send predictions and labels),
read (monitors, alerts, /metrics), admin (everything, including models, references, rules and silences).
--db defaults to ${DEFAULT_DB}, the same default as assay serve.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    {
      scope: { type: "string", multiple: true },
      name: { type: "string" },
      db: { type: "string" },
    },
    HELP,
  );
  if (help) return 0;
  if (positionals[0] !== "create" || positionals.length !== 1)
    throw new UsageError("expected 'assay token create --scope …' (see --help)");
  const scopes = ((values.scope as string[] | undefined) ?? []).flatMap((s) => listOption(s) ?? []);
  if (scopes.length === 0) throw new UsageError("--scope is required: ingest, read or admin");
  for (const s of scopes)
    if (!SCOPES.includes(s as Scope))
      throw new UsageError(`unknown scope '${s}'; expected ingest, read or admin`);
  const name = (values.name as string | undefined) ?? `token-${new Date().toISOString()}`;
  const store = await openStore((values.db as string | undefined) ?? DEFAULT_DB);
  try {
    const token = newToken();
    await store.addToken(hashToken(token), name, [...new Set(scopes)] as Scope[]);
    process.stdout.write(`${token}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
