/**
 * File-system edge of readiness: reads the card, digests its artefacts, reads the evidence store, the
 * sign-off log and the policy, and hands all of it to the browser-safe core (src/readiness/). Shared by
 * the CLI commands and `assay serve --card`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, normalize } from "node:path";
import { parseCard } from "../readiness/card-read.js";
import { SYSTEM } from "../readiness/evidence-index.js";
import { LocatedError } from "../readiness/located-yaml.js";
import { DEFAULT_POLICY, parsePolicy } from "../readiness/policy.js";
import { parseSignoffLog } from "../readiness/signoff.js";
import { InputError } from "../table/errors.js";
import { fileDigest, textDigest } from "./file-digest.js";
export const DEFAULT_CARD = "assay.card.yaml";
/** Turns a located problem in one of our files into the CLI's one-line usage error. */
export function located(work) {
    try {
        return work();
    }
    catch (error) {
        if (error instanceof LocatedError)
            throw new InputError(error.message);
        throw error;
    }
}
export function loadCard(path = DEFAULT_CARD) {
    if (!existsSync(path))
        throw new InputError(`${path}: no such card (write one with 'assay card init --name NAME --owner WHO --reviewer WHO')`);
    if (statSync(path).isDirectory())
        throw new InputError(`${path}: is a directory, expected a card file`);
    const text = readFileSync(path, "utf8");
    const card = located(() => parseCard(text, path));
    return { card, path, text, digest: textDigest(text), dir: dirname(path) };
}
/** A card-relative path as the user would type it from the working directory. */
export function cardRelative(loaded, path) {
    return isAbsolute(path) ? path : normalize(join(loaded.dir, path));
}
/** Every artefact with its digest now, plus the card itself and its documentation (the SYSTEM scope). */
export function artefactStates(loaded) {
    const states = [];
    for (const c of loaded.card.components)
        for (const a of c.artefacts)
            states.push({ component: c.id, path: a.path, digest: fileDigest(cardRelative(loaded, a.path)) });
    states.push({ component: SYSTEM, path: loaded.path, digest: loaded.digest });
    for (const d of loaded.card.documentation)
        states.push({ component: SYSTEM, path: d, digest: fileDigest(cardRelative(loaded, d)) });
    return states;
}
/** `--evidence DIR`, else the card's `evidence`, else $ASSAY_HOME/evidence, else .assay/evidence (where saveEvidence writes). */
export function evidenceDir(loaded, flag) {
    if (typeof flag === "string" && flag !== "")
        return flag;
    if (loaded?.card.evidence)
        return cardRelative(loaded, loaded.card.evidence);
    return join(process.env.ASSAY_HOME ?? ".assay", "evidence");
}
/** Saved reports; files that are not reports (or not JSON) are skipped, as the dashboard's evidence route does. */
export function readEvidence(dir) {
    let names;
    try {
        names = readdirSync(dir).filter((n) => n.endsWith(".json"));
    }
    catch {
        return [];
    }
    const out = [];
    for (const id of names.sort()) {
        try {
            const report = JSON.parse(readFileSync(join(dir, id), "utf8"));
            if (report && typeof report === "object" && typeof report.kind === "string")
                out.push({ id, report });
        }
        catch {
            // an unreadable file is not evidence
        }
    }
    return out;
}
export function signoffLogPath(loaded, flag) {
    if (typeof flag === "string" && flag !== "")
        return flag;
    return cardRelative(loaded, loaded.card.signoffs);
}
export function readSignoffs(path) {
    if (!existsSync(path))
        return { entries: [], lastLine: null };
    const text = readFileSync(path, "utf8");
    const entries = located(() => parseSignoffLog(text, path, textDigest));
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    return { entries, lastLine: lines[lines.length - 1] ?? null };
}
export function loadPolicy(loaded, flag) {
    const path = typeof flag === "string" && flag !== ""
        ? flag
        : loaded.card.policy
            ? cardRelative(loaded, loaded.card.policy)
            : null;
    if (path === null)
        return DEFAULT_POLICY;
    if (!existsSync(path))
        throw new InputError(`${path}: no such policy file`);
    return located(() => parsePolicy(readFileSync(path, "utf8"), path));
}
/** Everything `assessReadiness` needs, read from disk now. */
export function readinessFiles(options) {
    const loaded = loadCard(options.card ?? DEFAULT_CARD);
    const dir = evidenceDir(loaded, options.evidence);
    const logPath = signoffLogPath(loaded, options.log);
    return {
        loaded,
        evidenceDir: dir,
        logPath,
        source: { cardPath: loaded.path, cardDigest: loaded.digest, evidenceDir: dir, logPath },
        inputs: {
            card: loaded.card,
            cardDigest: loaded.digest,
            cardPath: loaded.path,
            artefacts: artefactStates(loaded),
            evidence: readEvidence(dir),
            signoffs: readSignoffs(logPath).entries,
            policy: loadPolicy(loaded, options.policy),
            now: options.now ?? Date.now(),
            display: (p) => cardRelative(loaded, p),
        },
    };
}
