import type { Report } from "../report/report.js";
import type { Card, Component, ComponentType } from "./card.js";
import { type Evidence, type EvidenceIndex, SYSTEM } from "./evidence-index.js";
import { type CommandContext, kindInfo } from "./evidence-kinds.js";
import type { RequirementResult } from "./requirements.js";
import type { LoggedSignoff } from "./signoff.js";

/**
 * The gate predicates: each item is one thing a gate needs, judged for one component. Items are named
 * so a policy file can list them per level; `kind:NAME` makes an item from any evidence kind.
 */
type ItemStatus = "met" | "missing" | "stale" | "failed" | "n/a";

export interface ItemOutcome {
  item: string;
  title: string;
  status: ItemStatus;
  message: string;
  /** What to run (or do) to produce what is missing. */
  command?: string;
  evidence?: string;
  /** A requirement, an ethics item, a role … when the item has several parts. */
  subject?: string;
  /** Requirements' risk (likelihood × impact): blocking items are listed riskiest first. */
  risk?: number;
  /** The gate it belongs to (set on blocking items). */
  level?: number;
}

export interface GateContext {
  card: Card;
  component: Component;
  level: number;
  evidence: EvidenceIndex;
  requirements: RequirementResult[];
  signoffs: LoggedSignoff[];
  cardDigest: string;
  /** Digests of this component's artefacts now (the update gate needs the current model's). */
  digests: Set<string>;
  commands: Omit<CommandContext, "component">;
}

interface GateItem {
  id: string;
  title: string;
  appliesTo?: ComponentType[];
  /** Why the item does not apply here, or null when it does. */
  notApplicable?(ctx: GateContext): string | null;
  check(ctx: GateContext): ItemOutcome[];
}

const DATA: ComponentType[] = ["dataset", "data-pipeline"];
const MODEL: ComponentType[] = ["model"];

function commandOf(kind: string, ctx: GateContext): string {
  return kindInfo(kind).command({ ...ctx.commands, component: ctx.component });
}

function failing(report: Report): string {
  const bad = (report.results ?? []).filter((r) => r.status === "fail" || r.status === "error");
  const first = bad
    .slice(0, 2)
    .map((r) => r.message)
    .join("; ");
  return `${report.kind} ${report.summary?.status ?? "failed"}${bad.length ? `: ${first}${bad.length > 2 ? ` (+${bad.length - 2} more)` : ""}` : ""}`;
}

/** An item met by a fresh report of `kind` (default: the item's id) that `judge` accepts (default: it did not fail). */
function evidenceItem(
  id: string,
  title: string,
  options: {
    kind?: string;
    appliesTo?: ComponentType[];
    system?: boolean;
    accepts?: (e: Evidence, ctx: GateContext) => boolean;
    judge?: (report: Report, ctx: GateContext) => string | null;
    notApplicable?: (ctx: GateContext) => string | null;
  } = {},
): GateItem {
  const kind = options.kind ?? id;
  const judge =
    options.judge ??
    ((r: Report) => (r.summary?.status === "fail" || r.summary?.status === "error" ? failing(r) : null));
  return {
    id,
    title,
    appliesTo: options.appliesTo,
    notApplicable: options.notApplicable,
    check(ctx) {
      const scope = options.system ? SYSTEM : ctx.component.id;
      const { fresh, stale } = ctx.evidence.latest(
        kind,
        scope,
        options.accepts && ((e) => options.accepts?.(e, ctx) ?? true),
      );
      const base = { item: id, title };
      const info = kindInfo(kind);
      if (fresh) {
        const problem = judge(fresh.report, ctx);
        return [
          problem === null
            ? { ...base, status: "met", message: `${info.shows}: ${fresh.id}`, evidence: fresh.id }
            : {
                ...base,
                status: "failed",
                message: problem,
                evidence: fresh.id,
                command: commandOf(kind, ctx),
              },
        ];
      }
      if (stale)
        return [
          {
            ...base,
            status: "stale",
            message: `${kind} evidence is stale: ${stale.stale.join("; ")}`,
            evidence: stale.id,
            command: commandOf(kind, ctx),
          },
        ];
      const upcoming = info.upcoming
        ? " (a command being built now; the gate stays blocked until its evidence exists)"
        : "";
      return [
        {
          ...base,
          status: "missing",
          message: `no ${kind} evidence about ${ctx.component.id}${upcoming}`,
          command: commandOf(kind, ctx),
        },
      ];
    },
  };
}

function cardItem(
  id: string,
  title: string,
  test: (ctx: GateContext) => string | null,
  appliesTo?: ComponentType[],
): GateItem {
  return {
    id,
    title,
    appliesTo,
    check(ctx) {
      const problem = test(ctx);
      return [
        problem === null
          ? { item: id, title, status: "met", message: "stated in the card" }
          : {
              item: id,
              title,
              status: "missing",
              message: problem,
              command: `edit ${ctx.commands.cardPath}`,
            },
      ];
    },
  };
}

const metrics = (r: Report) =>
  (r.metrics ?? {}) as Record<string, { value?: number | null; ci?: [number, number] | null }>;

function requirementsItem(
  id: string,
  title: string,
  type: "research" | "product",
  phase: "verification" | "validation",
): GateItem {
  return {
    id,
    title,
    check(ctx) {
      const mine = ctx.requirements.filter(
        (r) => r.type === type && (r.component === null || r.component === ctx.component.id),
      );
      if (mine.length === 0)
        return [
          { item: id, title, status: "n/a", message: `no ${type} requirement concerns ${ctx.component.id}` },
        ];
      return mine.map((r) => {
        const criteria = r.criteria.filter((c) => c.phase === phase);
        const base = { item: id, title, subject: r.id, risk: r.risk.score };
        if (criteria.length === 0)
          return {
            ...base,
            status: "missing" as const,
            message: `${r.id} has no ${phase} criterion (${ctx.card.file}:${ctx.card.lines[`requirements.${r.id}`] ?? 1})`,
            command: `add requirements.${r.id}.${phase} to ${ctx.commands.cardPath}`,
          };
        const worst =
          criteria.find((c) => c.status === "fail" || c.status === "insufficient") ??
          criteria.find((c) => c.status === "stale") ??
          criteria.find((c) => c.status === "missing");
        if (!worst)
          return {
            ...base,
            status: "met" as const,
            message: `${r.id}: ${criteria.map((c) => c.message).join("; ")}`,
            evidence: criteria[0].evidence ?? undefined,
          };
        const status =
          worst.status === "stale"
            ? ("stale" as const)
            : worst.status === "missing"
              ? ("missing" as const)
              : ("failed" as const);
        return {
          ...base,
          status,
          message: `${r.id} (risk ${r.risk.score}): ${worst.criterion} — ${worst.message}`,
          evidence: worst.evidence ?? undefined,
          command: status === "failed" ? undefined : commandOf(worst.kind, ctx),
        };
      });
    },
  };
}

/** Subgroup representation: every group of each declared column has at least minRows rows in the profile. */
function subgroupsJudge(report: Report, ctx: GateContext): string | null {
  const wanted = ctx.card.data.subgroups.filter(
    (s) => s.component === null || s.component === ctx.component.id,
  );
  const columns = (report.columns ?? []) as {
    name: string;
    frequencies?: { exact: boolean; counts: Record<string, number>; error: number };
  }[];
  const problems: string[] = [];
  for (const s of wanted) {
    const col = columns.find((c) => c.name === s.column);
    if (!col?.frequencies) {
      problems.push(`the profile has no column '${s.column}'`);
      continue;
    }
    const small = Object.entries(col.frequencies.counts).filter(([, n]) => n < s.minRows);
    if (small.length > 0)
      problems.push(
        `${s.column}: ${small.map(([g, n]) => `${g} has ${n}`).join(", ")} (want ≥ ${s.minRows} rows per group)`,
      );
    if (!col.frequencies.exact) problems.push(`${s.column}: too many distinct values for exact group counts`);
  }
  return problems.length ? `under-represented groups — ${problems.join("; ")}` : null;
}

const modelDigestIsCurrent = (e: Evidence, ctx: GateContext) =>
  (e.report.inputs ?? []).some((i) => i.name === "new" && ctx.digests.has(i.digest));

const GATE_ITEMS: GateItem[] = [
  cardItem("card.intended-use", "intended uses stated", (c) =>
    c.card.uses.intended.length ? null : "the card states no intended use (uses.intended)",
  ),
  cardItem("card.research-requirements", "research requirements written", (c) =>
    c.card.requirements.some((r) => r.type === "research")
      ? null
      : "the card has no research requirement (requirements[].type: research)",
  ),
  cardItem("card.product-requirements", "product requirements written", (c) =>
    c.card.requirements.some((r) => r.type === "product")
      ? null
      : "the card has no product requirement (requirements[].type: product)",
  ),
  cardItem("card.criteria", "every requirement names its verification", (c) => {
    const bare = c.card.requirements.filter((r) => r.verification.length === 0).map((r) => r.id);
    return bare.length ? `requirements without a verification criterion: ${bare.join(", ")}` : null;
  }),
  cardItem("card.data-considerations", "data considerations stated", (c) => {
    if (c.card.data.considerations.length === 0)
      return "the card states no data considerations (data.considerations)";
    if (c.card.data.aboutPeople && c.card.data.sensitive.length === 0)
      return "the data is about people but the card names no sensitive attribute (data.sensitive)";
    return null;
  }),
  cardItem("card.debrief", "stage debrief recorded", (c) =>
    c.card.debriefs.some((d) => d.level === c.level)
      ? null
      : `no debrief for level ${c.level} (debriefs[].level: ${c.level} — accomplished, descoped, learned, techDebt)`,
  ),
  evidenceItem("profile", "the data is profiled", { appliesTo: DATA }),
  evidenceItem("subgroups", "subgroups are represented", {
    kind: "profile",
    appliesTo: DATA,
    judge: subgroupsJudge,
    notApplicable: (c) =>
      c.card.data.subgroups.some((s) => s.component === null || s.component === c.component.id)
        ? null
        : "the card declares no subgroup minimums for this component",
  }),
  evidenceItem("validation", "the data meets its contract", { appliesTo: DATA }),
  {
    id: "validation.recurring",
    title: "validation runs in the pipeline",
    appliesTo: DATA,
    check(ctx) {
      const runs = ctx.evidence.all.filter(
        (e) => e.kind === "validation" && e.scopes.includes(ctx.component.id),
      );
      const base = { item: "validation.recurring", title: "validation runs in the pipeline" };
      if (runs.length >= 2 && runs[0].fresh && runs[0].report.summary?.status !== "fail")
        return [
          {
            ...base,
            status: "met",
            message: `${runs.length} validation runs; the latest passes (${runs[0].id})`,
            evidence: runs[0].id,
          },
        ];
      return [
        {
          ...base,
          status: runs.length ? "failed" : "missing",
          message: `${runs.length} validation run${runs.length === 1 ? "" : "s"}: a pipeline validates every new batch, so more than one fresh, passing run is expected`,
          command: commandOf("validation", ctx),
        },
      ];
    },
  },
  evidenceItem("lint", "data bugs looked for", { appliesTo: DATA }),
  evidenceItem("drift", "drift between training and evaluation data checked", { appliesTo: DATA }),
  {
    id: "drift.recurring",
    title: "drift is watched over time",
    appliesTo: DATA,
    check(ctx) {
      const runs = ctx.evidence.all.filter((e) => e.kind === "drift" && e.scopes.includes(ctx.component.id));
      const base = { item: "drift.recurring", title: "drift is watched over time" };
      if (runs.length >= 2 && runs[0].fresh)
        return [
          {
            ...base,
            status: "met",
            message: `${runs.length} drift checks; the latest is fresh (${runs[0].id})`,
            evidence: runs[0].id,
          },
        ];
      return [
        {
          ...base,
          status: "missing",
          message: `${runs.length} drift check${runs.length === 1 ? "" : "s"}: in production drift is checked on every new window`,
          command: commandOf("drift", ctx),
        },
      ];
    },
  },
  evidenceItem("skew", "training and serving data agree", { appliesTo: DATA }),
  evidenceItem("evaluation.intervals", "metrics with confidence intervals", {
    kind: "evaluation",
    appliesTo: MODEL,
    judge: (r) => {
      const m = Object.entries(metrics(r));
      if (m.length === 0) return "the evaluation has no metrics";
      const bare = m
        .filter(([, v]) => v && v.value !== null && v.value !== undefined && !Array.isArray(v.ci))
        .map(([k]) => k);
      return bare.length
        ? `metrics without an interval: ${bare.join(", ")} (run without --resamples 0)`
        : null;
    },
  }),
  evidenceItem("evaluation.slices", "quality on slices", {
    kind: "evaluation",
    appliesTo: MODEL,
    judge: (r) =>
      (Array.isArray(r.slices) && r.slices.length > 0) || r.sliceSearch
        ? null
        : "the evaluation has no slices (add --slices auto or --slices COLS)",
  }),
  evidenceItem("baseline.trivial", "the model beats the trivial baseline", {
    kind: "evaluation",
    appliesTo: MODEL,
    judge: (r) => {
      const base = r.baseline as
        | { baselines?: { kind: string; metrics: Record<string, { value: number }> }[] }
        | undefined;
      const majority = base?.baselines?.find((b) => b.kind === "majority");
      if (!majority) return "the evaluation has no baselines (run without --no-baseline)";
      const auc = metrics(r).rocAuc;
      if (!auc?.ci) return "the evaluation has no ROC AUC interval to compare with the baseline";
      const floor = majority.metrics.rocAuc?.value ?? 0.5;
      return auc.ci[0] > floor
        ? null
        : `ROC AUC's lower bound ${auc.ci[0].toFixed(4)} does not clear the majority baseline's ${floor.toFixed(4)}`;
    },
  }),
  evidenceItem("baseline.simpler", "no simpler model does as well", {
    kind: "evaluation",
    appliesTo: MODEL,
    judge: (r) => {
      const base = r.baseline as { baselineMatchesModel?: boolean; finding?: string } | undefined;
      if (!base) return "the evaluation has no baselines (run without --no-baseline)";
      return base.baselineMatchesModel ? (base.finding ?? "a baseline does as well as the model") : null;
    },
  }),
  evidenceItem("fairness.audit", "fairness audited across the sensitive attributes", {
    kind: "evaluation",
    appliesTo: MODEL,
    notApplicable: (c) =>
      c.card.data.aboutPeople ? null : "the data is not about people (data.aboutPeople: false)",
    judge: (r, c) => {
      if (c.card.data.sensitive.length === 0) return "the card names no sensitive attribute (data.sensitive)";
      const audited = Object.keys((r.fairness ?? {}) as object);
      const absent = c.card.data.sensitive.filter((s) => !audited.includes(s));
      return absent.length
        ? `the evaluation has no fairness audit by ${absent.join(", ")} (add --sensitive ${c.card.data.sensitive.join(",")})`
        : null;
    },
  }),
  ...["behaviour", "fuzz", "robustness", "pmv", "sanity", "training", "conformal", "ood"].map((kind) =>
    evidenceItem(kind, kindInfo(kind).shows, { appliesTo: MODEL }),
  ),
  evidenceItem("update-gate", "the update gate passes against the previous model", {
    kind: "comparison",
    appliesTo: MODEL,
    notApplicable: (c) =>
      c.component.artefacts.some((a) => a.role === "previous-model")
        ? null
        : "no previous model version (artefact role previous-model)",
    accepts: modelDigestIsCurrent,
  }),
  evidenceItem("monitoring", "monitored and receiving traffic", {
    appliesTo: MODEL,
    judge: (r, c) =>
      c.component.monitoring === null
        ? `name the served model in components.${c.component.id}.monitoring.model`
        : r.summary?.status === "pass"
          ? null
          : failing(r),
  }),
  requirementsItem(
    "requirements.research.verified",
    "research requirements verified",
    "research",
    "verification",
  ),
  requirementsItem(
    "requirements.product.verified",
    "product requirements verified",
    "product",
    "verification",
  ),
  requirementsItem(
    "requirements.product.validated",
    "product requirements validated",
    "product",
    "validation",
  ),
  evidenceItem("docs.complete", "documentation complete", {
    kind: "docs",
    system: true,
    judge: (r) => docsJudge(r, ["docs.complete", "docs.model-card"]),
  }),
  evidenceItem("docs.traceability", "requirements traced to design and tests", {
    kind: "docs",
    system: true,
    judge: (r) => docsJudge(r, ["docs.traceability"]),
  }),
  {
    id: "ethics",
    title: "ethics checklist answered and signed",
    check(ctx) {
      const title = "ethics checklist answered and signed";
      if (ctx.card.ethics.length === 0)
        return [
          {
            item: "ethics",
            title,
            status: "missing",
            message: "the card has no ethics checklist (ethics: — 'assay card init' writes one)",
            command: `edit ${ctx.commands.cardPath}`,
          },
        ];
      return ctx.card.ethics.map((e) => {
        const base = { item: "ethics", title, subject: e.id };
        if (!e.answer)
          return {
            ...base,
            status: "missing" as const,
            message: `${e.id} is unanswered (${ctx.card.file}:${ctx.card.lines[`ethics.${e.id}`] ?? 1}): ${e.question}`,
            command: `edit ${ctx.commands.cardPath}`,
          };
        const signed = ctx.signoffs.filter(
          (s) =>
            s.role === "ethics" &&
            s.decision === "approve" &&
            s.level === ctx.level &&
            (s.component === null || s.component === ctx.component.id) &&
            s.items.includes(e.id),
        );
        const current = signed.find((s) => s.card.digest === ctx.cardDigest);
        if (current)
          return {
            ...base,
            status: "met" as const,
            message: `${e.id} signed by ${current.by} (${current.at.slice(0, 10)})`,
          };
        const reviewer = ctx.card.reviewers.find(
          (r) => r.roles.includes("ethics") && !ctx.card.owners.includes(r.name),
        );
        return {
          ...base,
          status: signed.length ? ("stale" as const) : ("missing" as const),
          message: signed.length
            ? `${e.id} was signed on an older version of the card: sign it again`
            : `${e.id} is not signed by an ethics reviewer`,
          command: `assay signoff --card ${ctx.commands.cardPath} --level ${ctx.level} --role ethics --by ${reviewer?.name ?? "<ethics reviewer>"} --decision approve --items ${ctx.card.ethics.map((x) => x.id).join(",")}`,
        };
      });
    },
  },
];

function docsJudge(r: Report, checks: string[]): string | null {
  const bad = (r.results ?? []).filter((x) => checks.includes(x.check) && x.status !== "pass");
  if (!(r.results ?? []).some((x) => checks.includes(x.check)))
    return `the docs check has no ${checks.join(" / ")} results`;
  return bad.length
    ? bad
        .slice(0, 3)
        .map((x) => x.message)
        .join("; ") + (bad.length > 3 ? ` (+${bad.length - 3} more)` : "")
    : null;
}

export function gateItem(id: string): GateItem | undefined {
  const known = GATE_ITEMS.find((i) => i.id === id);
  if (known) return known;
  if (id.startsWith("kind:") && id.length > 5)
    return evidenceItem(id, kindInfo(id.slice(5)).shows, { kind: id.slice(5) });
  return undefined;
}
