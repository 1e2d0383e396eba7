/**
 * The readiness card (`assay.card.yaml`, format `assay.card` version 1): what a technology is, who owns
 * and reviews it, what it is made of, what it must do, and what is known about its data. After the TRL
 * card of MLTRL (Lavin et al., Nature Communications 2022). Documented field by field in docs/readiness.md.
 */
export const CARD_FORMAT = "assay.card";
export const CARD_VERSION = 1;
export const COMPONENT_TYPES = ["model", "data-pipeline", "dataset", "software-module"];
/** What an artefact is for; command hints use it to fill in the right file. */
export const ARTEFACT_ROLES = [
    "train",
    "test",
    "reference",
    "serving",
    "schema",
    "model",
    "descriptor",
    "previous-model",
    "code",
    "other",
];
export const DEFAULT_FRESHNESS_DAYS = 30;
export const DEFAULT_SIGNOFF_LOG = "assay.signoffs.jsonl";
/** Every artefact of the card, with the component it belongs to. */
export function cardArtefacts(card) {
    return card.components.flatMap((c) => c.artefacts.map((artefact) => ({ component: c.id, artefact })));
}
/** The last path segment: what reports call an input (`source.name` is the file's base name). */
export function baseName(path) {
    const parts = path.split(/[\\/]/);
    return parts[parts.length - 1] ?? path;
}
