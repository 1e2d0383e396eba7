import type { CheckResult } from "../report/report.js";
import type { Card, ComponentType } from "./card.js";
import { type ArtefactState, type EvidenceFile, indexEvidence } from "./evidence-index.js";
import type { ItemOutcome } from "./gate-items.js";
import { type GateOutcome, judgeGate } from "./gates.js";
import { levelName } from "./levels.js";
import { type MlTestScore, scoreMlTests } from "./ml-test-score.js";
import type { Policy } from "./policy.js";
import { judgeRequirements, type RequirementResult } from "./requirements.js";
import type { LoggedSignoff } from "./signoff.js";
import { discoverySwitchback, recordedSwitchbacks, type Switchback } from "./switchbacks.js";

export interface ReadinessInputs {
  card: Card;
  cardDigest: string;
  /** The card's path as the user typed it (command hints name it). */
  cardPath: string;
  /** Every artefact of the card with its digest now, plus the card and its documentation (SYSTEM). */
  artefacts: ArtefactState[];
  evidence: EvidenceFile[];
  signoffs: LoggedSignoff[];
  policy: Policy;
  now: number;
  /** A card-relative path as typed from the working directory. */
  display?: (path: string) => string;
}

interface ComponentReadiness {
  id: string;
  name: string;
  type: ComponentType;
  certifiedLevel: number;
  workingLevel: number;
  /** The highest level whose gates reviewers have signed, whatever the evidence says now. */
  approvedLevel: number;
  levelName: string;
  /** Held down by a coupled component with a lower level. */
  heldBy: string | null;
  /** Its model's name in the monitoring service, when it is served (the dashboard finds it by this). */
  monitoring: string | null;
  /** What stands between this component and the next level, riskiest and most broken first. */
  blocking: ItemOutcome[];
  gates: { level: number; name: string; met: boolean; outcomes: ItemOutcome[] }[];
}

export interface Readiness {
  card: { file: string; id: string; name: string; digest: string; entryLevel: number };
  assessedAt: string;
  policy: string;
  systemLevel: number;
  systemLevelName: string;
  workingLevel: number;
  components: ComponentReadiness[];
  switchbacks: Switchback[];
  requirements: RequirementResult[];
  mlTestScore: MlTestScore;
  evidence: {
    used: {
      id: string;
      kind: string;
      createdAt: string;
      fresh: boolean;
      stale: string[];
      scopes: string[];
    }[];
    unrelated: number;
  };
  signoffs: { entries: number; current: number; stale: number };
}

const BLOCKING_ORDER: Record<string, number> = { failed: 0, stale: 1, missing: 2 };

export function assessReadiness(inputs: ReadinessInputs): Readiness {
  const { card, policy } = inputs;
  const evidence = indexEvidence(inputs.evidence, inputs.artefacts, {
    now: inputs.now,
    freshnessDays: card.freshnessDays,
    kindFreshnessDays: policy.freshnessDays,
  });
  const requirements = judgeRequirements(card, evidence);
  const at = new Date(inputs.now).toISOString();
  const signoffs = inputs.signoffs.filter((s) => Date.parse(s.at) <= inputs.now);
  const entry = card.technology.entryLevel;
  const display = inputs.display ?? ((p: string) => p);
  const switchbacks = recordedSwitchbacks(signoffs);

  const judged = card.components.map((component) => {
    const digests = new Set(
      inputs.artefacts
        .filter((a) => a.component === component.id && a.digest !== null)
        .map((a) => a.digest as string),
    );
    const gates: GateOutcome[] = policy.levels
      .filter((g) => g.level > entry)
      .sort((a, b) => a.level - b.level)
      .map((gate) =>
        judgeGate(gate, {
          card,
          component,
          level: gate.level,
          evidence,
          requirements,
          signoffs,
          cardDigest: inputs.cardDigest,
          digests,
          commands: { card, display, cardPath: inputs.cardPath },
        }),
      );
    const own = climb(entry, gates, (g) => g.met);
    return {
      component,
      gates,
      own,
      level: own,
      approved: climb(entry, gates, (g) => g.signed),
      heldBy: null as string | null,
    };
  });

  // Coupled components move together: each is certified no higher than the lowest of its couplings
  // (repeated until nothing changes, for components coupled in more than one group).
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of card.coupled) {
      const members = judged.filter((j) => group.includes(j.component.id));
      const lowest = members.reduce((low, j) => (j.level < low.level ? j : low), members[0]);
      for (const j of members)
        if (j.level > lowest.level) {
          j.level = lowest.level;
          j.heldBy = lowest.heldBy ?? lowest.component.id;
          changed = true;
        }
    }
  }

  const components: ComponentReadiness[] = judged.map(
    ({ component, gates, own, level, approved, heldBy }) => {
      const next = gates.find((g) => g.level === own + 1);
      const blocking: ItemOutcome[] = (next?.outcomes ?? [])
        .filter((o) => o.status !== "met" && o.status !== "n/a")
        .map((o) => ({ ...o, level: own + 1 }))
        .sort(
          (a, b) =>
            (BLOCKING_ORDER[a.status] ?? 3) - (BLOCKING_ORDER[b.status] ?? 3) ||
            (b.risk ?? 0) - (a.risk ?? 0),
        );
      if (heldBy !== null)
        blocking.unshift({
          item: "coupled",
          title: "coupled components move together",
          subject: heldBy,
          status: "missing",
          level: level + 1,
          message: `held at level ${level} by coupled component ${heldBy}${own > level ? ` (${component.id}'s own gates hold up to ${own})` : ""}: see what blocks ${heldBy}`,
        });
      const discovered = discoverySwitchback(component.id, approved, level, blocking, at);
      if (discovered) switchbacks.push(discovered);
      return {
        id: component.id,
        name: component.name,
        type: component.type,
        certifiedLevel: level,
        workingLevel: Math.min(level + 1, 9),
        approvedLevel: approved,
        levelName: levelName(level),
        heldBy,
        monitoring: component.monitoring?.model ?? null,
        blocking,
        gates: gates.map((g) => ({
          level: g.level,
          name: levelName(g.level),
          met: g.met,
          outcomes: g.outcomes,
        })),
      };
    },
  );

  const systemLevel = Math.min(...components.map((c) => c.certifiedLevel));
  const current = signoffs.filter((s) => s.card.digest === inputs.cardDigest);
  const mlTestScore = scoreMlTests({
    runs: evidence.all.map((e) => ({
      id: e.id,
      kind: e.kind,
      time: e.time,
      fresh: e.fresh,
      dataKey: e.dataKey,
      report: e.report,
    })),
    manualTests: card.manualTests,
    reviewed: current.some((s) => s.decision === "approve"),
    extraKinds: policy.mlTestKinds,
  });
  switchbacks.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return {
    card: {
      file: card.file,
      id: card.technology.id,
      name: card.technology.name,
      digest: inputs.cardDigest,
      entryLevel: entry,
    },
    assessedAt: at,
    policy: policy.source,
    systemLevel,
    systemLevelName: levelName(systemLevel),
    workingLevel: Math.min(systemLevel + 1, 9),
    components,
    switchbacks,
    requirements,
    mlTestScore,
    evidence: {
      used: evidence.all.map((e) => ({
        id: e.id,
        kind: e.kind,
        createdAt: e.createdAt,
        fresh: e.fresh,
        stale: e.stale,
        scopes: e.scopes,
      })),
      unrelated: evidence.unrelated,
    },
    signoffs: { entries: signoffs.length, current: current.length, stale: signoffs.length - current.length },
  };
}

/** The highest level reached by consecutive gates that pass, starting above the entry level. */
function climb(entry: number, gates: GateOutcome[], passes: (g: GateOutcome) => boolean): number {
  let level = entry;
  for (const g of gates) {
    if (g.level !== level + 1 || !passes(g)) break;
    level = g.level;
  }
  return level;
}

/** The Report results: each component's level, what blocks it, and every switchback. */
export function readinessResults(r: Readiness): CheckResult[] {
  const out: CheckResult[] = [];
  for (const c of r.components) {
    out.push({
      check: "readiness.level",
      subject: { group: c.id },
      status: "pass",
      value: c.certifiedLevel,
      message: `${c.id} (${c.type}) is certified at level ${c.certifiedLevel}, ${c.levelName}${c.heldBy ? ` (held by coupled ${c.heldBy})` : ""}`,
    });
    for (const b of c.blocking)
      out.push({
        check: "readiness.blocking",
        subject: { group: c.id },
        // not yet, rather than broken: only a discovery switchback (below) fails the report
        status: "warn",
        itemStatus: b.status,
        threshold: c.workingLevel,
        message: `level ${c.workingLevel} ${b.item}${b.subject ? ` (${b.subject})` : ""} ${b.status}: ${b.message}`,
        ...(b.command ? { command: b.command } : {}),
      });
  }
  for (const s of r.switchbacks)
    out.push({
      check: `readiness.switchback.${s.type}`,
      subject: s.component ? { group: s.component } : undefined,
      status: s.type === "discovery" ? "fail" : "warn",
      message: `${s.type} switchback ${s.from} → ${s.to}${s.component ? ` (${s.component})` : ""}${s.by ? ` by ${s.by}` : ""}${s.cause.length ? `: ${s.cause.join("; ")}` : ""}`,
    });
  out.push({
    check: "readiness.ml_test_score",
    status: "pass",
    value: r.mlTestScore.score,
    message: `ML Test Score ${r.mlTestScore.score} (data ${r.mlTestScore.sections.data}, model ${r.mlTestScore.sections.model}, infrastructure ${r.mlTestScore.sections.infrastructure}, monitoring ${r.mlTestScore.sections.monitoring}): ${r.mlTestScore.band}`,
  });
  return out;
}
