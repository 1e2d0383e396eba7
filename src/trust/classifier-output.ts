/**
 * What a classifier gives conformal prediction: P(positive) per row for a binary model (classes
 * [negative, positive] = [0, 1]), or a row-major probability matrix, probabilities[i·k + c].
 */
export type ClassifierOutput =
  | { kind: "binary"; scores: Float64Array }
  | { kind: "multiclass"; probabilities: Float64Array; classes: number };

export function classCount(output: ClassifierOutput): number {
  return output.kind === "binary" ? 2 : output.classes;
}

export function rowCount(output: ClassifierOutput): number {
  return output.kind === "binary" ? output.scores.length : output.probabilities.length / output.classes;
}

/** P(class c | row i). */
export function probabilityOf(output: ClassifierOutput, row: number, c: number): number {
  if (output.kind === "multiclass") return output.probabilities[row * output.classes + c];
  return c === 1 ? output.scores[row] : 1 - output.scores[row];
}
