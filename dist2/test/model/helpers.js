import { openSource } from "../../src/io/source.js";
import { readTable } from "../../src/model/table.js";
import { fixture } from "../helpers/cli.js";
export const ADULT_FEATURES = [
    "age",
    "fnlwgt",
    "education-num",
    "capital-gain",
    "capital-loss",
    "hours-per-week",
];
let test = null;
/** The adult test split as one batch (16281 rows, all 15 columns). */
export function adultTest() {
    test ??= openSource({ path: fixture("adult", "adult_test.csv") }).then((s) => readTable(s));
    return test;
}
