/** `assay card init`: a starter readiness card (docs/readiness.md). */
import { existsSync } from "node:fs";
import { DEFAULT_CARD } from "../io/readiness-files.js";
import { parseCard } from "../readiness/card-read.js";
import { starterCard } from "../readiness/card-template.js";
import { numberOption, parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { writeTextFile } from "./output.js";
const HELP = `usage: assay card init --name NAME --owner WHO --reviewer WHO [--entry-level N] [--out FILE] [--force]

Writes a starter readiness card (default ${DEFAULT_CARD}): the TRL card of MLTRL as a versioned YAML file
that 'assay readiness', 'assay gate', 'assay signoff' and 'assay docs check' read. Every field is present
and commented: technology name and id, owners and reviewers with roles, components (model, data-pipeline,
dataset, software-module) with their artefacts, coupled components, requirements with risk and the
criteria that verify them, intended and unacceptable uses, data considerations and subgroup minimums,
caveats, stage debriefs, versions, and the ethics checklist. Edit it, then run 'assay readiness'.

  --name NAME         the technology's name (its id is derived from it)
  --owner WHO         who owns it (owners never sign its gates)
  --reviewer WHO      who reviews it (role: reviewer; add product, ops, ethics reviewers in the file)
  --entry-level N     the level it enters at, 0–9 (default 0): lower levels are taken as done
  --out FILE          where to write it (default ${DEFAULT_CARD})
  --force             overwrite an existing file

exit codes: 0 written · 2 usage error or the file exists`;
export async function run(argv) {
    const [verb, ...rest] = argv;
    if (verb === "--help" || verb === "-h" || verb === undefined) {
        process.stdout.write(`${HELP}\n`);
        return verb === undefined ? 2 : 0;
    }
    if (verb !== "init")
        throw new UsageError(`unknown 'assay card' verb '${verb}' (expected: init; see --help)`);
    const { values, positionals, help } = parseCommand(rest, {
        name: { type: "string" },
        owner: { type: "string" },
        reviewer: { type: "string" },
        "entry-level": { type: "string" },
        out: { type: "string" },
        force: { type: "boolean", default: false },
    }, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`unexpected argument '${positionals[0]}' (see --help)`);
    for (const flag of ["name", "owner", "reviewer"])
        if (typeof values[flag] !== "string" || values[flag].trim() === "")
            throw new UsageError(`--${flag} is required (see --help)`);
    const owner = values.owner.trim();
    const reviewer = values.reviewer.trim();
    if (owner === reviewer)
        throw new UsageError(`--reviewer must be someone other than the owner: an owner cannot sign their own gate`);
    const entryLevel = numberOption(values["entry-level"], "--entry-level", { min: 0, max: 9 }) ?? 0;
    if (!Number.isInteger(entryLevel))
        throw new UsageError(`--entry-level expects a whole level 0–9, got ${entryLevel}`);
    const out = values.out ?? DEFAULT_CARD;
    if (existsSync(out) && !values.force)
        throw new UsageError(`${out} exists (use --force to overwrite it)`);
    const text = starterCard({ name: values.name.trim(), owner, reviewer, entryLevel });
    parseCard(text, out); // what we write must read back
    writeTextFile(out, text);
    process.stdout.write(`wrote ${out}: edit its components, requirements and data, then run 'assay readiness --card ${out}'\n`);
    return 0;
}
