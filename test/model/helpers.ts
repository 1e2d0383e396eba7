import { openSource } from "../../src/io/source.js";
import { readTable } from "../../src/model/table.js";
import type { Batch } from "../../src/table/types.js";
import { fixture } from "../helpers/cli.js";

export const ADULT_FEATURES = [
  "age",
  "fnlwgt",
  "education-num",
  "capital-gain",
  "capital-loss",
  "hours-per-week",
];

let test: Promise<Batch> | null = null;

/** The adult test split as one batch (16281 rows, all 15 columns). */
export function adultTest(): Promise<Batch> {
  test ??= openSource({ path: fixture("adult", "adult_test.csv") }).then((s) => readTable(s));
  return test;
}
