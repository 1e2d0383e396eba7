/** `assay audit --out DIR`: one self-contained audit trail an auditor can read without Assay. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { fileDigest, textDigest } from "../io/file-digest.js";
import { cardRelative } from "../io/readiness-files.js";
import { assessReadiness } from "../readiness/assess.js";
import { auditHtml } from "../readiness/audit.js";
import { readinessReport } from "../readiness/report.js";
import { jsonSafe } from "../report/report.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson, saveEvidence, writeTextFile } from "./output.js";
import { READINESS_HELP, READINESS_OPTIONS, readinessFromArgs } from "./readiness-args.js";
const HELP = `usage: assay audit --out DIR [--force] [--json] [options]

Writes an audit trail into DIR that needs no Assay to read or check:
  index.html        the readiness assessment (levels, blocking items, switchbacks, requirements, ML Test
                    Score), the sign-off log line by line, every evidence file with its sha256, the
                    documentation and the card — one self-contained page, no script, no network
  readiness.json    the readiness report
  evidence/         every report about this card (fresh and stale), as Assay saved it
  signoffs.jsonl    the sign-off log (each line carries the sha256 of the line before it)
  card/, docs/      the card and its documentation as they are now
  SHA256SUMS        sha256 of every file above: check with 'sha256sum -c SHA256SUMS'

  --out DIR           where to write (must be empty or absent, unless --force)
  --force             write into a folder that has files
${READINESS_HELP}
  --json              print a summary report (files and their digests) as JSON

exit codes: 0 written · 2 bad card, log, policy or option`;
export async function run(argv) {
    const { values, positionals, help } = parseCommand(argv, {
        ...READINESS_OPTIONS,
        out: { type: "string" },
        force: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
    if (typeof values.out !== "string" || values.out === "")
        throw new UsageError("--out DIR is required (see --help)");
    const out = values.out;
    if (existsSync(out) && (!statSync(out).isDirectory() || (readdirSync(out).length > 0 && !values.force)))
        throw new UsageError(`${out} exists and is not an empty folder (use --force to write into it)`);
    const files = readinessFromArgs(values);
    const { loaded } = files;
    const readiness = assessReadiness(files.inputs);
    const report = readinessReport("audit", files.source, readiness, { config: { out } });
    const written = [];
    const write = (path, text) => {
        writeTextFile(join(out, path), text);
        written.push(path);
    };
    const used = new Set(readiness.evidence.used.map((e) => e.id));
    mkdirSync(join(out, "evidence"), { recursive: true });
    for (const e of files.inputs.evidence.filter((x) => used.has(x.id))) {
        copyFileSync(join(files.evidenceDir, e.id), join(out, "evidence", e.id));
        written.push(join("evidence", e.id));
    }
    const logText = existsSync(files.logPath) ? readFileSync(files.logPath, "utf8") : "";
    write("signoffs.jsonl", logText);
    write(join("card", basename(loaded.path)), loaded.text);
    const documents = loaded.card.documentation
        .map((d) => ({ file: d, path: cardRelative(loaded, d) }))
        .filter((d) => existsSync(d.path))
        .map((d) => ({ file: d.file, text: readFileSync(d.path, "utf8") }));
    for (const d of documents)
        write(join("docs", basename(d.file)), d.text);
    write("readiness.json", JSON.stringify(jsonSafe(report), null, 2));
    const signoffs = logText
        .split("\n")
        .map((text, i) => ({ line: i + 1, text, sha256: textDigest(text) }))
        .filter((l) => l.text.trim() !== "");
    const evidence = readiness.evidence.used.map((e) => ({
        file: e.id,
        kind: e.kind,
        createdAt: e.createdAt,
        sha256: fileDigest(join(out, "evidence", e.id)) ?? "",
        fresh: e.fresh,
        stale: e.stale,
    }));
    write("index.html", await auditHtml({
        readiness,
        signoffs,
        evidence,
        documents,
        card: { file: basename(loaded.path), text: loaded.text },
    }));
    const sums = written.map((p) => ({ path: p, sha256: fileDigest(join(out, p)) ?? "" }));
    writeTextFile(join(out, "SHA256SUMS"), `${sums.map((s) => `${s.sha256}  ${s.path.split("\\").join("/")}`).join("\n")}\n`);
    saveEvidence(report);
    if (values.json)
        printJson({ ...report, files: sums });
    else
        process.stdout.write(`audit trail for ${readiness.card.name} in ${out}: index.html, readiness.json, ${evidence.length} evidence files, ${signoffs.length} sign-offs, ${documents.length} documents; check with 'cd ${out} && sha256sum -c SHA256SUMS'\n`);
    return 0;
}
