import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, runCliAsync } from "../helpers/cli.js";
const TRAIN = fixture("adult", "adult_train.csv");
const TEST = fixture("adult", "adult_test.csv");
const COMMON = [
    "--label",
    "income-per-year",
    "--positive",
    ">50K",
    "--rows",
    "1500",
    "--rates",
    "0,0.2,0.4",
    "--replicates",
    "2",
    "--folds",
    "3",
    "--json",
];
async function pmv(args, code) {
    const r = await runCliAsync(["pmv", ...args]);
    assert.equal(r.code, code, r.stderr);
    return JSON.parse(r.stdout);
}
test("assay pmv: separates an over-fitted deep tree from a regularised logistic regression on adult", async () => {
    const [tree, logistic] = await Promise.all([
        pmv([TRAIN, TEST, ...COMMON, "--algo", "tree", "--max-depth", "30", "--min-leaf", "1"], 1),
        pmv([TRAIN, ...COMMON, "--algo", "logistic", "--C", "0.1"], 0),
    ]);
    assert.equal(tree.kind, "pmv");
    assert.equal(tree.verdict, "over-fit");
    assert.equal(tree.results[0].status, "fail");
    assert.ok(tree.memorisationCi[0] > 0.5 && tree.slope > -0.2, JSON.stringify([tree.slope, tree.memorisationCi]));
    // Trained on noisy labels, the memorising tree loses test accuracy as the noise grows.
    const testAt = (r) => tree.points.filter((p) => p.rate === r)[0].testAccuracy;
    assert.ok(testAt(0.4) < testAt(0) - 0.1);
    assert.ok(tree.crossValidation.accuracy < tree.cleanTrainAccuracy - 0.1);
    assert.equal(logistic.verdict, "well-fit");
    assert.ok(logistic.memorisationCi[1] < 0.5, JSON.stringify(logistic.memorisationCi));
    assert.ok(logistic.slope < -0.4);
    assert.ok(Math.abs(logistic.crossValidation.accuracy - logistic.cleanTrainAccuracy) < 0.03);
    assert.equal(logistic.points.length, 1 + 2 * 2);
});
test("assay pmv --train-cmd: a user's memorising trainer is found over-fit; a stump under-fits; errors exit 2", async () => {
    const lookup = await pmv([
        TRAIN,
        ...COMMON,
        "--features",
        "age,education-num,hours-per-week,occupation",
        "--train-cmd",
        `node ${fixture("robustness", "train_lookup.mjs")} {train} {dir}`,
    ], 1);
    assert.equal(lookup.verdict, "over-fit");
    const stump = await pmv([TRAIN, ...COMMON, "--algo", "tree", "--max-depth", "1", "--features", "fnlwgt"], 1);
    assert.equal(stump.verdict, "under-fit");
    const broken = await runCliAsync(["pmv", TRAIN, ...COMMON, "--train-cmd", "echo nothing-here >&2; exit 3"]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /--train-cmd exited with 3: nothing-here/);
    const both = await runCliAsync([
        "pmv",
        TRAIN,
        "--label",
        "income-per-year",
        "--algo",
        "tree",
        "--train-cmd",
        "x",
    ]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /one of --algo/);
});
