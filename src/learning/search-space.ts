/**
 * The search space of `assay tune` (docs/learning.md), read from a parsed YAML/JSON document:
 *
 *   algo: gbdt                        # logreg, tree or gbdt
 *   params:
 *     learningRate: { log: [0.01, 0.3] }    # log-uniform between the bounds
 *     maxLeaves: { int: [4, 63] }           # uniform integer, bounds included
 *     l2: { uniform: [0, 1] }               # uniform
 *     minSamplesLeaf: [5, 20, 50]           # one of the values
 *     maxIterations: 100                    # fixed
 *
 * Every parameter name and every bound is checked by the learner's own rules (learner.ts) when the
 * space is read, so a bad space fails before the first fit.
 */
import { type LearnerName, learnerName, learnerOptions } from "../model/baselines/learner.js";
import type { Random } from "../stats/random.js";
import { InputError } from "../table/errors.js";

export type Dimension =
  | { name: string; kind: "log" | "uniform" | "int"; low: number; high: number }
  | { name: string; kind: "choice"; values: (number | string | boolean)[] }
  | { name: string; kind: "fixed"; value: number | string | boolean };

export interface SearchSpace {
  algo: LearnerName;
  dimensions: Dimension[];
}

export function readSearchSpace(doc: unknown, where = "search space"): SearchSpace {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new InputError(`${where}: expected a mapping with 'algo' and 'params'`);
  const { algo: rawAlgo, params, ...rest } = doc as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new InputError(`${where}: unknown key '${extra[0]}' (known: algo, params)`);
  const algo = learnerName(String(rawAlgo ?? "gbdt"));
  if (typeof params !== "object" || params === null || Array.isArray(params))
    throw new InputError(`${where}: 'params' must map parameter names to ranges, lists or values`);
  const dimensions = Object.entries(params as Record<string, unknown>).map(([name, spec]) =>
    dimension(name, spec, where),
  );
  if (!dimensions.some((d) => d.kind !== "fixed"))
    throw new InputError(`${where}: nothing to search — give at least one range or list`);
  // Every corner through the learner's checks.
  for (const pick of [0, 1] as const)
    learnerOptions(algo, Object.fromEntries(dimensions.map((d) => [d.name, corner(d, pick)])));
  return { algo, dimensions };
}

function dimension(name: string, spec: unknown, where: string): Dimension {
  if (Array.isArray(spec)) {
    if (spec.length === 0) throw new InputError(`${where}: ${name}: an empty list`);
    for (const v of spec)
      if (!["number", "string", "boolean"].includes(typeof v))
        throw new InputError(`${where}: ${name}: list values must be numbers, text or true/false`);
    return { name, kind: "choice", values: spec as (number | string | boolean)[] };
  }
  if (typeof spec === "number" || typeof spec === "string" || typeof spec === "boolean")
    return { name, kind: "fixed", value: spec };
  if (typeof spec === "object" && spec !== null) {
    const keys = Object.keys(spec);
    const kind = keys[0];
    const bounds = (spec as Record<string, unknown>)[kind];
    if (
      keys.length === 1 &&
      (kind === "log" || kind === "uniform" || kind === "int") &&
      Array.isArray(bounds)
    ) {
      const [low, high] = bounds as unknown[];
      if (bounds.length !== 2 || typeof low !== "number" || typeof high !== "number" || !(low <= high))
        throw new InputError(`${where}: ${name}: ${kind} needs [low, high] with low ≤ high`);
      if (kind === "log" && !(low > 0))
        throw new InputError(`${where}: ${name}: log bounds must be positive`);
      if (kind === "int" && (!Number.isInteger(low) || !Number.isInteger(high)))
        throw new InputError(`${where}: ${name}: int bounds must be integers`);
      return { name, kind, low, high };
    }
  }
  throw new InputError(
    `${where}: ${name}: expected a value, a list, or one of {log: [a, b]}, {uniform: [a, b]}, {int: [a, b]}`,
  );
}

function corner(d: Dimension, pick: 0 | 1): number | string | boolean {
  if (d.kind === "fixed") return d.value;
  if (d.kind === "choice") return d.values[pick === 0 ? 0 : d.values.length - 1];
  return pick === 0 ? d.low : d.high;
}

/** One configuration drawn from the space. */
export function sampleConfig(space: SearchSpace, random: Random): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = {};
  for (const d of space.dimensions) {
    if (d.kind === "fixed") out[d.name] = d.value;
    else if (d.kind === "choice") out[d.name] = d.values[random.below(d.values.length)];
    else if (d.kind === "int") out[d.name] = d.low + random.below(d.high - d.low + 1);
    else if (d.kind === "uniform") out[d.name] = d.low + random.next() * (d.high - d.low);
    else out[d.name] = Math.exp(Math.log(d.low) + random.next() * (Math.log(d.high) - Math.log(d.low)));
  }
  return out;
}
