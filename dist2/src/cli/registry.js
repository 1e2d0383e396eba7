/** `assay registry add|list|show|check`: model versions with the digests of what they were built from. */
import { extname } from "node:path";
import { staleReasons } from "../compat/registry/staleness.js";
import { digestOrNull, displayPath, fingerprintFile, openRegistry, requireFile, } from "../io/registry/files.js";
import { readDescriptor } from "../model/node/index.js";
import { makeReport } from "../report/report.js";
import { listOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence } from "./output.js";
const HELP = `usage:
  assay registry add NAME --model FILE [--version V] [--train DATA]… [--eval DATA]… [--config FILE]
                     [--features a,b,c] [--input-model NAME[@V]]… [--notes TEXT]
  assay registry list  [--json]
  assay registry show  NAME[@VERSION] [--json]
  assay registry check [--json]       re-digest every registered file; mark stale models, say what changed

The registry is SQLite at .assay/registry.db ($ASSAY_HOME/registry.db, or --db FILE). It stores, per
model version, the sha256 of the model file, its configuration, its training and evaluation data
(with a fingerprint: rows, column types, missing counts, means/SDs, distinct counts), the features
it reads, and the models whose outputs it consumes (--input-model).
exit: 0 ok (check: nothing stale), 1 check found stale models, 2 usage or input error`;
const OPTIONS = {
    model: { type: "string" },
    version: { type: "string" },
    train: { type: "string", multiple: true },
    eval: { type: "string", multiple: true },
    config: { type: "string" },
    features: { type: "string" },
    "input-model": { type: "string", multiple: true },
    notes: { type: "string" },
    db: { type: "string" },
    json: { type: "boolean" },
};
export async function run(argv) {
    const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
    if (help)
        return 0;
    const [action, ...rest] = positionals;
    switch (action) {
        case "add":
            return add(v, rest);
        case "list":
            return list(v);
        case "show":
            return show(v, rest);
        case "check":
            return check(v);
        default:
            throw new UsageError(action === undefined
                ? "registry needs an action: add, list, show or check"
                : `unknown registry action '${action}' (add, list, show, check)`);
    }
}
async function add(v, rest) {
    const name = rest[0];
    if (!name)
        throw new UsageError("registry add needs a model NAME");
    if (rest.length > 1)
        throw new UsageError(`registry add takes one NAME, got ${rest.join(" ")}`);
    if (!/^[\w.-]+$/.test(name))
        throw new UsageError(`model name '${name}' may only use letters, digits, '.', '_' and '-'`);
    if (typeof v.model !== "string")
        throw new UsageError("registry add needs --model FILE");
    let model = requireFile(v.model, "model file");
    let config = typeof v.config === "string" ? requireFile(v.config, "config file") : null;
    let features = listOption(v.features) ?? null;
    let described = null;
    if ([".yaml", ".yml", ".json"].includes(extname(model.path).toLowerCase())) {
        // A model descriptor: the model file is what it points at; the descriptor is its configuration.
        let descriptor = null;
        try {
            descriptor = readDescriptor(model.path);
        }
        catch {
            descriptor = null; // not a descriptor: a plain file of another kind
        }
        if (descriptor) {
            features ??= descriptor.features ?? null;
            if (descriptor.path !== undefined) {
                config ??= model;
                described = model;
                model = requireFile(descriptor.path, `model file (named by ${v.model})`);
            }
        }
    }
    const datasets = [];
    for (const [role, paths] of [
        ["train", v.train ?? []],
        ["eval", v.eval ?? []],
    ])
        for (const p of paths) {
            const file = requireFile(p, `${role} data`);
            datasets.push({
                role,
                path: file.path,
                digest: file.digest,
                fingerprint: await fingerprintFile(file.path),
            });
        }
    const store = openRegistry(v.db);
    try {
        const upstream = (v["input-model"] ?? []).map((spec) => {
            const [upName, upVersion] = spec.split("@");
            const found = store.get(upName, upVersion);
            if (!found)
                throw new UsageError(`--input-model ${spec}: no such model in the registry`);
            return { name: found.name, version: found.version };
        });
        const version = typeof v.version === "string" ? v.version : store.nextVersion(name);
        if (store.has(name, version))
            throw new UsageError(`${name}@${version} is already registered; give another --version`);
        store.add({
            name,
            version,
            path: model.path,
            digest: model.digest,
            configPath: config?.path ?? null,
            configDigest: config?.digest ?? null,
            descriptorPath: described?.path ?? null,
            descriptorDigest: described?.digest ?? null,
            features,
            notes: typeof v.notes === "string" ? v.notes : null,
            createdAt: new Date().toISOString(),
            datasets,
            upstream,
        });
        const record = store.get(name, version);
        if (v.json)
            printJson(record);
        else
            process.stdout.write(`registered ${name}@${version} (model ${model.digest.slice(0, 12)}, ${datasets.length} dataset(s))\n`);
        return 0;
    }
    finally {
        store.close();
    }
}
function list(v) {
    const store = openRegistry(v.db);
    try {
        const models = store.list();
        if (v.json) {
            printJson({ models });
            return 0;
        }
        if (models.length === 0) {
            process.stdout.write("the registry is empty; add a model with: assay registry add NAME --model FILE\n");
            return 0;
        }
        const rows = models.map((m) => [
            `${m.name}@${m.version}`,
            m.createdAt.slice(0, 19).replace("T", " "),
            m.digest.slice(0, 12),
            String(m.datasets.length),
            m.stale ? "STALE" : m.checkedAt ? "ok" : "unchecked",
        ]);
        const header = ["model", "registered", "digest", "data", "status"];
        const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)));
        const line = (cells) => cells
            .map((c, k) => c.padEnd(widths[k]))
            .join("  ")
            .trimEnd();
        process.stdout.write(`${[line(header), ...rows.map(line)].join("\n")}\n`);
        return 0;
    }
    finally {
        store.close();
    }
}
function show(v, rest) {
    const spec = rest[0];
    if (!spec)
        throw new UsageError("registry show needs NAME or NAME@VERSION");
    const [name, version] = spec.split("@");
    const store = openRegistry(v.db);
    try {
        const m = store.get(name, version);
        if (!m)
            throw new UsageError(`${spec}: no such model in the registry (see assay registry list)`);
        if (v.json) {
            printJson(m);
            return 0;
        }
        const lines = [
            `${m.name}@${m.version}${m.stale ? "  [STALE]" : ""}`,
            `  model     ${displayPath(m.path)}  sha256 ${m.digest}`,
            ...(m.configPath ? [`  config    ${displayPath(m.configPath)}  sha256 ${m.configDigest}`] : []),
            ...(m.features ? [`  features  ${m.features.join(", ")}`] : []),
            ...m.datasets.map((d) => `  ${d.role.padEnd(9)} ${displayPath(d.path)}  sha256 ${d.digest.slice(0, 16)}…  ${describeFingerprint(d.fingerprint)}`),
            ...m.upstream.map((u) => `  reads     outputs of ${u.name}@${u.version}`),
            `  registered ${m.createdAt}${m.notes ? `  — ${m.notes}` : ""}`,
            ...m.staleReasons.map((r) => `  stale: ${r.message}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return 0;
    }
    finally {
        store.close();
    }
}
async function check(v) {
    const store = openRegistry(v.db);
    try {
        const models = store.list();
        const digests = new Map();
        const fingerprints = new Map();
        for (const m of models) {
            for (const path of [m.path, ...[m.configPath, m.descriptorPath].filter((p) => p !== null)])
                if (!digests.has(path))
                    digests.set(path, digestOrNull(path));
            for (const d of m.datasets) {
                if (!digests.has(d.path))
                    digests.set(d.path, digestOrNull(d.path));
                const now = digests.get(d.path);
                if (now && now !== d.digest && !fingerprints.has(d.path)) {
                    try {
                        fingerprints.set(d.path, await fingerprintFile(d.path));
                    }
                    catch {
                        // unreadable now: the digest change alone is reported
                    }
                }
            }
        }
        const reasons = staleReasons(models, { digests, fingerprints });
        const checkedAt = new Date().toISOString();
        const results = models.map((m) => {
            const r = reasons.get(`${m.name}@${m.version}`) ?? [];
            store.setStale(m.name, m.version, r, checkedAt);
            return { model: `${m.name}@${m.version}`, stale: r.length > 0, reasons: r };
        });
        const stale = results.filter((r) => r.stale);
        const report = makeReport("registry.check", {
            inputs: [...digests.entries()]
                .filter((e) => e[1] !== null)
                .map(([path, digest]) => ({ name: displayPath(path), digest, rows: 0 })),
            config: {},
            results: results.map((r) => ({
                check: "registry.stale",
                subject: { column: r.model },
                status: r.stale ? "fail" : "pass",
                message: r.stale
                    ? r.reasons.map((x) => x.message).join("; ")
                    : `${r.model}: every dependency unchanged`,
            })),
        }, { models: results, stale: stale.length });
        saveEvidence(report);
        if (v.json)
            printJson(report);
        else {
            const lines = results.map((r) => r.stale
                ? `STALE ${r.model}\n${r.reasons.map((x) => `  - ${x.message}`).join("\n")}`
                : `ok    ${r.model}`);
            process.stdout.write(`${lines.join("\n")}${lines.length ? "\n" : ""}${stale.length} of ${results.length} model(s) stale\n`);
        }
        return stale.length > 0 ? 1 : 0;
    }
    finally {
        store.close();
    }
}
function describeFingerprint(f) {
    return `${f.rows} rows × ${f.columns.length} columns`;
}
