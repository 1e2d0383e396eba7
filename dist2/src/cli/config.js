/** `assay config diff A B`: what changed between two model configurations (YAML or JSON). */
import { parse } from "yaml";
import { diffConfigs, formatConfigDiff } from "../compat/config-diff.js";
import { readTextFile } from "../io/text-file.js";
import { makeReport } from "../report/report.js";
import { parseCommand } from "./args.js";
import { oneLine, UsageError } from "./errors.js";
import { printJson } from "./output.js";
const HELP = `usage: assay config diff A B [--json] [--exit-code]

Shows what changed between two model configurations (YAML or JSON, nested): keys added (+),
removed (-) and changed (~), addressed by path (model.optimizer.lr, features[2]).
exit: 0 (with --exit-code: 0 identical, 1 different), 2 usage or input error`;
const OPTIONS = { json: { type: "boolean" }, "exit-code": { type: "boolean" } };
export async function run(argv) {
    const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
    if (help)
        return 0;
    const [action, ...files] = positionals;
    if (action !== "diff")
        throw new UsageError(action === undefined ? "config needs an action: diff A B" : `unknown config action '${action}' (diff)`);
    if (files.length !== 2)
        throw new UsageError(`config diff needs two files, got ${files.length}`);
    const [a, b] = files.map(readConfig);
    const changes = diffConfigs(a, b);
    if (v.json)
        printJson(makeReport("config.diff", {
            inputs: [],
            config: { a: files[0], b: files[1] },
            results: changes.map((c) => ({
                check: `config.${c.kind}`,
                status: "warn",
                message: formatConfigDiff([c]),
            })),
            summary: { status: "pass", changes: changes.length },
        }, {
            a: files[0],
            b: files[1],
            identical: changes.length === 0,
            added: changes.filter((c) => c.kind === "added"),
            removed: changes.filter((c) => c.kind === "removed"),
            changed: changes.filter((c) => c.kind === "changed"),
        }));
    else
        process.stdout.write(changes.length === 0 ? "no differences\n" : `${formatConfigDiff(changes)}\n`);
    return v["exit-code"] && changes.length > 0 ? 1 : 0;
}
function readConfig(path) {
    const text = readTextFile(path);
    let parsed;
    try {
        parsed = parse(text);
    }
    catch (error) {
        throw new UsageError(`${path}: not valid YAML or JSON: ${oneLine(error)}`);
    }
    // any text is a YAML scalar; a configuration is a mapping (or a list) of settings
    if (parsed === null || typeof parsed !== "object")
        throw new UsageError(`${path}: not a configuration: its top level is ${parsed === null ? "empty" : `a ${typeof parsed}`}, not a YAML/JSON mapping or list`);
    return parsed;
}
