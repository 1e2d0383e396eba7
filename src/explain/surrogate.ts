/**
 * Interpretability as a number: how well a shallow decision tree (depth 2–5, the built-in CART of
 * model/baselines/tree.ts), trained to imitate the model's decisions (score ≥ threshold) on half of
 * the rows, reproduces those decisions on the other half — "how much of this model a person can
 * read". Fidelity is the held-out agreement with its Wilson interval; the tree is returned as rules
 * in the data's own units. Binary models only. Browser-safe.
 */
import { type Encoding, encode, learnEncoding } from "../model/baselines/design.js";
import { fitTree, predictTree, type TreeNode } from "../model/baselines/tree.js";
import { takeRows } from "../model/features.js";
import type { Model } from "../model/model.js";
import { predictTable } from "../model/predict.js";
import { seededRandom } from "../stats/random.js";
import { wilsonInterval } from "../stats/wilson.js";
import type { Batch } from "../table/types.js";

export interface SurrogateFidelity {
  depth: number;
  fidelity: number;
  ci: [number, number] | null;
  heldOut: number;
  /** One line per leaf: "age > 37.5 and sex = Male → positive (0.81 of 412 rows)". */
  rules: string[];
}

export async function surrogateFidelity(
  model: Model,
  rows: Batch,
  features: string[],
  options: { depths?: number[]; threshold?: number; seed?: number } = {},
): Promise<SurrogateFidelity[]> {
  const threshold = options.threshold ?? 0.5;
  const scores = (await predictTable(model, rows)).scores;
  const order = Uint32Array.from({ length: rows.length }, (_, i) => i);
  const random = seededRandom(options.seed ?? 1);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const half = Math.floor(rows.length / 2);
  const fitRows = order.subarray(0, half);
  const testRows = order.subarray(half);
  const decide = (indices: Uint32Array) => Uint8Array.from(indices, (i) => (scores[i] >= threshold ? 1 : 0));
  const fitBatch = takeRows(rows, fitRows);
  const encoding = learnEncoding(fitBatch, features);
  const p = encoding.columns.length;
  const xFit = encode(fitBatch, encoding);
  const xTest = encode(takeRows(rows, testRows), encoding);
  const yTest = decide(testRows);
  return (options.depths ?? [2, 3, 4, 5]).map((depth) => {
    const tree = fitTree(xFit, decide(fitRows), p, { maxDepth: depth, minLeaf: 5 });
    const imitated = predictTree(tree, xTest, testRows.length, p);
    let agree = 0;
    for (let i = 0; i < testRows.length; i++) if ((imitated[i] >= 0.5 ? 1 : 0) === yTest[i]) agree++;
    return {
      depth,
      fidelity: agree / testRows.length,
      ci: wilsonInterval(agree, testRows.length),
      heldOut: testRows.length,
      rules: treeRules(tree, encoding),
    };
  });
}

/** The leaves of a tree fitted on the design matrix, with thresholds back in the data's units. */
export function treeRules(tree: TreeNode, encoding: Encoding): string[] {
  const rules: string[] = [];
  const walk = (node: TreeNode, conditions: string[]) => {
    if (node.score !== undefined) {
      const decision = node.score >= 0.5 ? "positive" : "negative";
      const share = node.score >= 0.5 ? node.score : 1 - node.score;
      rules.push(
        `${conditions.join(" and ") || "always"} → ${decision} (${share.toFixed(2)} of ${node.count} rows)`,
      );
      return;
    }
    const [left, right] = condition(node.column!, node.threshold!, encoding);
    walk(node.left!, [...conditions, left]);
    walk(node.right!, [...conditions, right]);
  };
  walk(tree, []);
  return rules;
}

function condition(column: number, threshold: number, encoding: Encoding): [string, string] {
  if (column < encoding.numeric.length) {
    const { name, mean, scale } = encoding.numeric[column];
    const cut = Number((threshold * scale + mean).toPrecision(4));
    return [`${name} ≤ ${cut}`, `${name} > ${cut}`];
  }
  const [name, category] = splitOneHot(encoding.columns[column]);
  return [`${name} ≠ ${category}`, `${name} = ${category}`];
}

function splitOneHot(column: string): [string, string] {
  const at = column.indexOf("=");
  return [column.slice(0, at), column.slice(at + 1)];
}
