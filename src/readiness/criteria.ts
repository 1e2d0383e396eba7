import type { Report } from "../report/report.js";
import type { Criterion } from "./card.js";

/**
 * Verification and validation criteria: one line that names the evidence that proves a requirement.
 *
 *   KIND.FIELD OP VALUE [lower|upper] [on INPUT]
 *   evaluation.rocAuc >= 0.80 lower on adult_test.csv    the CI's lower bound of the holdout ROC AUC
 *   comparison.negativeFlipRate <= 0.05 upper             the upper bound of its interval
 *   validation.status == pass                             the report's summary status
 *   drift.share <= 0.2
 *
 * FIELD is looked up in the report body, then in its `metrics`, then in its `summary` (`status` is the
 * summary's). A metric `{value, ci}` gives its value or a CI bound; a plain number `x` takes its bound
 * from a sibling `xCi`. Judging on the lower bound of "≥" (upper of "≤") is how a requirement says
 * "with 95% confidence", and is what the example in the issue asks for.
 */
const OPS: Record<string, Criterion["op"]> = {
  ">=": ">=",
  "≥": ">=",
  ">": ">",
  "<=": "<=",
  "≤": "<=",
  "<": "<",
  "==": "==",
  "=": "==",
  "!=": "!=",
  "≠": "!=",
};

const GRAMMAR =
  /^([a-z][a-z0-9_.-]*?)\.([A-Za-z0-9_.&\- ]+?)\s*(>=|<=|!=|==|=|>|<|≥|≤|≠)\s*(\S+)(?:\s+(lower|upper))?(?:\s+on\s+(.+))?$/;

/** Parses one criterion; returns a reason instead when it does not read. */
export function parseCriterion(text: string): Criterion | { problem: string } {
  const m = GRAMMAR.exec(text.trim());
  if (!m)
    return {
      problem: `cannot read '${text}': expected KIND.FIELD OP VALUE [lower|upper] [on INPUT], e.g. 'evaluation.rocAuc >= 0.8 lower'`,
    };
  const [, kind, field, opText, valueText, bound, on] = m;
  const op = OPS[opText];
  const n = Number(valueText);
  const value = Number.isFinite(n) && valueText.trim() !== "" ? n : valueText;
  if (typeof value === "string" && op !== "==" && op !== "!=")
    return { problem: `'${opText}' needs a number, got '${valueText}'` };
  if (bound && typeof value === "string") return { problem: `a CI bound ('${bound}') needs a number` };
  return {
    text: text.trim(),
    kind,
    path: field.split("."),
    op,
    value,
    bound: (bound as "lower" | "upper" | undefined) ?? "value",
    on: on?.trim() ?? null,
  };
}

interface CriterionOutcome {
  status: "pass" | "fail" | "insufficient";
  observed: number | string | null;
  message: string;
}

/** Judges a criterion on one report of its kind. */
export function judgeCriterion(criterion: Criterion, report: Report): CriterionOutcome {
  const found = lookup(report, criterion.path);
  if (found === undefined)
    return {
      status: "insufficient",
      observed: null,
      message: `the ${report.kind} report has no field '${criterion.path.join(".")}'`,
    };
  const observed = pick(found, criterion.bound);
  if (observed === null)
    return {
      status: "insufficient",
      observed: null,
      message:
        criterion.bound === "value"
          ? `'${criterion.path.join(".")}' has no value in the ${report.kind} report`
          : `'${criterion.path.join(".")}' has no confidence interval to take the ${criterion.bound} bound of`,
    };
  const holds = compare(observed, criterion.op, criterion.value);
  const shown = typeof observed === "number" ? Number(observed.toPrecision(4)) : observed;
  const what = criterion.bound === "value" ? "" : ` (${criterion.bound} CI bound)`;
  return {
    status: holds ? "pass" : "fail",
    observed,
    message: `${criterion.path.join(".")}${what} is ${shown}; required ${criterion.op} ${criterion.value}`,
  };
}

function lookup(report: Report, path: string[]): unknown {
  if (path.length === 1 && path[0] === "status") return report.summary?.status;
  const roots: unknown[] = [report, report.metrics, report.summary];
  for (const root of roots) {
    const found = walk(root, path);
    if (found !== undefined) return found;
  }
  return undefined;
}

function walk(root: unknown, path: string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined) return undefined;
  // `negativeFlipRate` keeps its interval beside it, in `negativeFlipRateCi`
  if (typeof node === "number" && path.length > 0) {
    let parent: unknown = root;
    for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[key];
    const sibling = (parent as Record<string, unknown>)[`${path[path.length - 1]}Ci`];
    return { value: node, ci: Array.isArray(sibling) ? sibling : null };
  }
  return node;
}

function pick(found: unknown, bound: Criterion["bound"]): number | string | null {
  if (typeof found === "string") return bound === "value" ? found : null;
  if (typeof found === "boolean") return bound === "value" ? String(found) : null;
  if (found && typeof found === "object" && "value" in found) {
    const { value, ci } = found as { value: unknown; ci?: unknown };
    if (bound === "value") return typeof value === "number" && Number.isFinite(value) ? value : null;
    if (!Array.isArray(ci) || ci.length !== 2) return null;
    const x = bound === "lower" ? ci[0] : ci[1];
    return typeof x === "number" && Number.isFinite(x) ? x : null;
  }
  return null;
}

function compare(observed: number | string, op: Criterion["op"], wanted: number | string): boolean {
  if (op === "==") return String(observed) === String(wanted);
  if (op === "!=") return String(observed) !== String(wanted);
  if (typeof observed !== "number" || typeof wanted !== "number") return false;
  if (op === ">=") return observed >= wanted;
  if (op === ">") return observed > wanted;
  if (op === "<=") return observed <= wanted;
  return observed < wanted;
}
