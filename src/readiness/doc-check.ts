import type { CheckResult } from "../report/report.js";
import type { Card } from "./card.js";
import type { Doc, Region } from "./doc-read.js";
import type { EvidenceIndex } from "./evidence-index.js";
import { evaluationSection, usesSection } from "./model-card.js";
import type { RequirementResult } from "./requirements.js";

/**
 * `assay docs check`: documentation that is checked, not just written.
 * - docs.complete: every question answered, or `N/A: reason`; questions about people only when the card
 *   says the data is about people; a datasheet for every dataset and a model card for every model.
 * - docs.traceability: every requirement of the card has a design decision that names it and a test in
 *   the evidence (a criterion judged on a fresh report); decisions name requirements that exist.
 * - docs.model-card: the model card's generated sections match the card and the latest fresh evaluation.
 */
export interface CheckedDoc {
  /** As given on the command line or in the card (messages name it). */
  path: string;
  text: string;
  doc: Doc;
}

interface DocsOutcome {
  results: CheckResult[];
  /** Documents rewritten by --fill (path → new text). */
  filled: { path: string; text: string }[];
}

export function checkDocs(inputs: {
  card: Card;
  docs: CheckedDoc[];
  evidence: EvidenceIndex;
  requirements: RequirementResult[];
  fill: boolean;
}): DocsOutcome {
  const { card, docs } = inputs;
  const results: CheckResult[] = [];
  const filled: DocsOutcome["filled"] = [];

  for (const { path, doc } of docs) {
    const open: string[] = [];
    for (const a of doc.answers) {
      if (a.question.people && !card.data.aboutPeople) continue;
      if (a.state === "unanswered")
        open.push(`${path}:${a.line}: ${a.question.id}: unanswered — write the answer, or 'N/A: reason'`);
      if (a.state === "bare-na")
        open.push(`${path}:${a.line}: ${a.question.id}: N/A needs a reason ('N/A: why it does not apply')`);
    }
    for (const d of doc.decisions.filter((x) => !x.written))
      open.push(`${path}:${d.line}: decision ${d.id}: not written yet — say what was decided and why`);
    for (const q of doc.absent)
      if (!q.people || card.data.aboutPeople)
        open.push(`${path}: ${q.id}: the question is missing (its heading '### ${q.id}: …' was removed)`);
    const asked = doc.answers.filter((a) => !a.question.people || card.data.aboutPeople).length;
    results.push(
      open.length === 0
        ? {
            check: "docs.complete",
            subject: { group: path },
            status: "pass",
            value: asked,
            message: `${path} (${doc.template.name}): all ${asked} questions answered`,
          }
        : {
            check: "docs.complete",
            subject: { group: path },
            status: "fail",
            value: open.length,
            message: `${path} (${doc.template.name}): ${open.length} question${open.length === 1 ? "" : "s"} open — ${open.slice(0, 3).join("; ")}${open.length > 3 ? ` (+${open.length - 3} more)` : ""}`,
            examples: open,
          },
    );
  }

  for (const c of card.components) {
    const wanted = c.type === "model" ? "model-card" : c.type === "dataset" ? "datasheet" : null;
    if (!wanted) continue;
    const has = docs.some(
      (d) => d.doc.template.name === wanted && (d.doc.subject === c.id || d.doc.subject === null),
    );
    results.push(
      has
        ? {
            check: "docs.complete",
            subject: { group: c.id },
            status: "pass",
            message: `${c.id} has a ${wanted}`,
          }
        : {
            check: "docs.complete",
            subject: { group: c.id },
            status: "fail",
            message: `${c.id} (${c.type}) has no ${wanted}: write one with 'assay docs init ${wanted} --subject ${c.id}' and list it in the card's documentation`,
          },
    );
  }

  const decisions = docs.flatMap((d) =>
    d.doc.decisions.filter((x) => x.written).map((x) => ({ ...x, path: d.path })),
  );
  const ids = new Set(card.requirements.map((r) => r.id));
  for (const d of decisions)
    for (const r of d.requirements.filter((x) => !ids.has(x)))
      results.push({
        check: "docs.traceability",
        subject: { group: d.path },
        status: "fail",
        message: `${d.path}:${d.line}: decision ${d.id}: names requirement '${r}', which the card does not have (${[...ids].join(", ")})`,
      });
  for (const r of inputs.requirements) {
    const where = `${card.file}:${card.lines[`requirements.${r.id}`] ?? 1}`;
    const decided = decisions.filter((d) => d.requirements.includes(r.id));
    const tested = r.criteria.filter(
      (c) => c.status === "pass" || c.status === "fail" || c.status === "insufficient",
    );
    const gaps: string[] = [];
    if (decided.length === 0)
      gaps.push(
        "no design decision names it (a '### decision ID: …' with 'Requirements: " +
          r.id +
          "' in the dataset-design document)",
      );
    if (tested.length === 0)
      gaps.push(
        r.criteria.length === 0
          ? "it has no criterion naming its evidence"
          : `no fresh evidence tests it (${r.criteria.map((c) => `${c.criterion}: ${c.status}`).join("; ")})`,
      );
    results.push(
      gaps.length === 0
        ? {
            check: "docs.traceability",
            subject: { group: r.id },
            status: "pass",
            message: `${r.id}: decided in ${decided.map((d) => `${d.path}:${d.line} (${d.id})`).join(", ")}; tested by ${tested.map((c) => c.evidence).join(", ")}`,
          }
        : {
            check: "docs.traceability",
            subject: { group: r.id },
            status: "fail",
            message: `${where}: requirements.${r.id}: ${gaps.join("; ")}`,
          },
    );
  }

  for (const checked of docs.filter((d) => d.doc.template.name === "model-card")) {
    const outcome = modelCard(checked, card, inputs.evidence, inputs.fill);
    results.push(...outcome.results);
    if (outcome.text !== null) filled.push({ path: checked.path, text: outcome.text });
  }
  return { results, filled };
}

function modelCard(
  checked: CheckedDoc,
  card: Card,
  evidence: EvidenceIndex,
  fill: boolean,
): { results: CheckResult[]; text: string | null } {
  const { path, doc } = checked;
  const models = card.components.filter((c) => c.type === "model");
  const subject = doc.subject
    ? models.find((c) => c.id === doc.subject)
    : models.length === 1
      ? models[0]
      : undefined;
  if (!subject)
    return {
      results: [
        {
          check: "docs.model-card",
          subject: { group: path },
          status: "fail",
          message: `${path}: subject: name the model component this card is about (${models.map((m) => m.id).join(", ") || "the card has no model component"})`,
        },
      ],
      text: null,
    };
  const latest = evidence.latest("evaluation", subject.id).fresh;
  const wanted: { name: string; from: string | null; content: string }[] = [
    { name: "uses", from: null, content: usesSection(card) },
  ];
  if (latest)
    wanted.push({
      name: "evaluation",
      from: latest.id,
      content: evaluationSection(latest.id, latest.report),
    });
  const results: CheckResult[] = [];
  let lines = checked.text.split("\n");
  let changed = false;
  // later regions first, so earlier line numbers stay valid while rewriting
  for (const w of [...wanted].sort(
    (a, b) => (regionOf(doc, b.name)?.line ?? 0) - (regionOf(doc, a.name)?.line ?? 0),
  )) {
    const region = regionOf(doc, w.name);
    if (!region) {
      results.push({
        check: "docs.model-card",
        subject: { group: path },
        status: "fail",
        message: `${path}: the '${w.name}' section is missing (<!-- assay:begin ${w.name} --> … <!-- assay:end ${w.name} -->)`,
      });
      continue;
    }
    const current = region.content.trim() === w.content.trim() && region.from === w.from;
    if (current) {
      results.push({
        check: "docs.model-card",
        subject: { group: path },
        status: "pass",
        message: `${path}:${region.line}: the ${w.name} section matches ${w.from ?? card.file}`,
      });
      continue;
    }
    if (fill) {
      const begin = `<!-- assay:begin ${w.name}${w.from ? ` from=${w.from}` : ""} -->`;
      lines = [
        ...lines.slice(0, region.line - 1),
        begin,
        w.content,
        `<!-- assay:end ${w.name} -->`,
        ...lines.slice(region.endLine),
      ];
      changed = true;
      results.push({
        check: "docs.model-card",
        subject: { group: path },
        status: "pass",
        message: `${path}:${region.line}: wrote the ${w.name} section from ${w.from ?? card.file}`,
      });
    } else
      results.push({
        check: "docs.model-card",
        subject: { group: path },
        status: "fail",
        message: w.from
          ? `${path}:${region.line}: the ${w.name} section is out of date (${region.from ? `written from ${region.from}` : "not written yet"}; the latest fresh evaluation is ${w.from}): run 'assay docs check --fill'`
          : `${path}:${region.line}: the ${w.name} section does not match ${card.file}: run 'assay docs check --fill'`,
      });
  }
  if (!latest)
    results.push({
      check: "docs.model-card",
      subject: { group: path },
      status: "fail",
      message: `${path}: no fresh evaluation of ${subject.id} to write the quantitative analysis from: run 'assay evaluate …'`,
    });
  return { results, text: changed ? lines.join("\n") : null };
}

function regionOf(doc: Doc, name: string): Region | undefined {
  return doc.regions.find((r) => r.name === name);
}
