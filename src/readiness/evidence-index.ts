import type { Report } from "../report/report.js";
import { baseName } from "./card.js";

/**
 * Which saved reports are evidence about this card, and which of them still count.
 *
 * Every report names its inputs with the sha256 of their bytes. A report is about a component when one
 * of its inputs (or the model it ran) has the digest or the file name of one of the component's
 * artefacts. It is fresh while every input that names an artefact of the card still has that
 * artefact's current digest, and while it is younger than the freshness window. Reports written after
 * the moment assessed do not exist yet (so `--at` replays the past).
 */
export const SYSTEM = "@system";

/** The current state of one artefact, as the edge found it on disk. */
export interface ArtefactState {
  /** Component id, or SYSTEM for the card and its documentation. */
  component: string;
  path: string;
  /** sha256 of the bytes now; null when the file is missing. */
  digest: string | null;
}

export interface EvidenceFile {
  /** The file name in the evidence store. */
  id: string;
  report: Report;
}

export interface Evidence {
  id: string;
  kind: string;
  createdAt: string;
  time: number;
  report: Report;
  /** Component ids (and SYSTEM) the report is about. */
  scopes: string[];
  fresh: boolean;
  /** Why it no longer counts: a changed input, or its age. */
  stale: string[];
  /** Input digests, joined: distinguishes runs on different data. */
  dataKey: string;
}

export interface EvidenceIndex {
  /** Reports about the card, newest first. */
  all: Evidence[];
  /** Reports in the store about nothing on this card. */
  unrelated: number;
  /** The newest fresh report of a kind about a scope, and the newest stale one. */
  latest(
    kind: string,
    scope: string,
    accepts?: (e: Evidence) => boolean,
  ): { fresh: Evidence | null; stale: Evidence | null };
}

/** Kinds that are themselves conclusions drawn from evidence; they never count as evidence. */
const DERIVED_KINDS = new Set(["readiness", "gate", "audit"]);

const DAY = 86_400_000;

export function indexEvidence(
  files: EvidenceFile[],
  artefacts: ArtefactState[],
  options: { now: number; freshnessDays: number; kindFreshnessDays?: Record<string, number> },
): EvidenceIndex {
  const digestsByName = new Map<string, Set<string | null>>();
  for (const a of artefacts) {
    const name = baseName(a.path);
    if (!digestsByName.has(name)) digestsByName.set(name, new Set());
    digestsByName.get(name)?.add(a.digest);
  }
  const all: Evidence[] = [];
  let unrelated = 0;
  for (const file of files) {
    const r = file.report;
    if (!r || typeof r.kind !== "string" || DERIVED_KINDS.has(r.kind)) continue;
    const time = Date.parse(String(r.createdAt));
    if (!Number.isFinite(time) || time > options.now) continue;
    const pairs = namedDigests(r);
    const scopes = [
      ...new Set(
        artefacts
          .filter((a) =>
            pairs.some((p) => (a.digest !== null && p.digest === a.digest) || p.name === baseName(a.path)),
          )
          .map((a) => a.component),
      ),
    ];
    if (scopes.length === 0) {
      unrelated++;
      continue;
    }
    const stale: string[] = [];
    for (const p of pairs) {
      const now = p.name === null ? undefined : digestsByName.get(p.name);
      if (!now || now.has(p.digest)) continue;
      const current = [...now][0];
      stale.push(
        current === null
          ? `${p.name} is missing now`
          : `${p.name} changed since this report (sha256 ${short(p.digest)} → ${short(current)})`,
      );
    }
    const days = options.kindFreshnessDays?.[r.kind] ?? options.freshnessDays;
    const age = options.now - time;
    if (age > days * DAY)
      stale.push(
        `older than the ${days}-day freshness window (created ${String(r.createdAt).slice(0, 10)}, ${Math.floor(age / DAY)} days before)`,
      );
    all.push({
      id: file.id,
      kind: r.kind,
      createdAt: String(r.createdAt),
      time,
      report: r,
      scopes,
      fresh: stale.length === 0,
      stale,
      dataKey: pairs
        .map((p) => p.digest)
        .sort()
        .join(","),
    });
  }
  all.sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1));
  return {
    all,
    unrelated,
    latest(kind, scope, accepts) {
      let fresh: Evidence | null = null;
      let stale: Evidence | null = null;
      for (const e of all) {
        if (e.kind !== kind || !e.scopes.includes(scope) || (accepts && !accepts(e))) continue;
        if (e.fresh && !fresh) fresh = e;
        if (!e.fresh && !stale) stale = e;
        if (fresh && stale) break;
      }
      return { fresh, stale };
    },
  };
}

/**
 * The (file name, digest) pairs a report was computed from: its inputs, and the model it ran (an
 * evaluation keeps the model's file and digest in its config; a comparison lists both models as inputs).
 */
function namedDigests(report: Report): { name: string | null; digest: string }[] {
  const out: { name: string | null; digest: string }[] = [];
  for (const input of Array.isArray(report.inputs) ? report.inputs : [])
    if (input && typeof input.digest === "string")
      out.push({ name: typeof input.name === "string" ? baseName(input.name) : null, digest: input.digest });
  const model = (report.config as { model?: { source?: unknown; digest?: unknown } } | null)?.model;
  if (model && typeof model === "object" && typeof model.digest === "string")
    out.push({
      name: typeof model.source === "string" ? baseName(model.source) : null,
      digest: model.digest,
    });
  return out;
}

function short(digest: string | null): string {
  return digest ? `${digest.slice(0, 12)}…` : "none";
}
