import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
const training = fixture("drift", "skew_training.csv");
const serving = fixture("drift", "skew_serving.csv");
function skew(args) {
    const r = runCli(["skew", training, serving, "--key", "id", "--allow-repeated-keys", "--json", ...args]);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    const report = JSON.parse(r.stdout);
    return {
        code: r.code,
        report,
        feature: (name) => report.features.find((f) => f.name === name),
    };
}
test("keyed skew: join accounting, per-feature differing rows and examples", () => {
    const { code, report, feature } = skew([]);
    assert.equal(code, 1);
    assert.equal(report.kind, "skew");
    assert.equal(report.skewed, true);
    // keys: training 1..9 with 7 twice; serving 1..10 with 9 twice → 7 and 9 ambiguous, 10 serving-only
    assert.deepEqual(report.join, {
        trainingRows: 10,
        servingRows: 11,
        joined: 7,
        trainingOnly: 0,
        servingOnly: 1,
        duplicateTrainingKeys: 1,
        duplicateServingKeys: 1,
    });
    const income = feature("income");
    assert.equal(income.comparison, "numeric");
    // 1: 1e-7 apart, 4: missing in training only, 8: 0.2 apart
    assert.equal(income.bothPresentDiffer, 2);
    assert.equal(income.missingInTrainingOnly, 1);
    assert.equal(income.differing, 3);
    assert.ok(Math.abs(income.share - 3 / 7) < 1e-15);
    assert.deepEqual(income.examples.map((e) => e.key.id), [1, 4, 8]);
    assert.equal(feature("age").differing, 1);
    assert.deepEqual(feature("age").examples[0], { key: { id: 3 }, training: 29, serving: 30 });
    const city = feature("city");
    assert.equal(city.comparison, "exact");
    assert.equal(city.bothPresentDiffer, 1); // Lyon vs lyon
    assert.equal(city.missingInServingOnly, 1);
    assert.equal(feature("flag").differing, 0);
    assert.equal(feature("flag").status, "ok");
    // sorted by share, largest first
    assert.equal(report.features[0].name, "income");
    assert.ok(report.results.some((r) => r.check === "skew.duplicate_keys"));
});
test("tolerance: rounding-level differences match, real ones do not", () => {
    const { feature } = skew(["--tolerance", "1e-6"]);
    assert.equal(feature("income").bothPresentDiffer, 1);
    const relative = skew(["--relative-tolerance", "1e-5"]);
    assert.equal(relative.feature("income").bothPresentDiffer, 0);
    assert.ok(Math.abs(relative.feature("income").maxAbsDifference - 0.2) < 1e-9);
});
test("threshold and column selection; no skew exits 0", () => {
    const { code, report } = skew(["--columns", "flag,age", "--threshold", "0.2"]);
    assert.equal(code, 0);
    assert.deepEqual(report.features.map((f) => f.name).sort(), ["age", "flag"]);
});
test("terminal and HTML output show the examples", () => {
    const dir = mkdtempSync(join(tmpdir(), "assay-skew-"));
    const html = join(dir, "skew.html");
    const r = runCli(["skew", training, serving, "--key", "id", "--allow-repeated-keys", "--html", html]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /joined 7 keys/);
    assert.match(r.stdout, /id=3 {2}training 29 {2}serving 30/);
    assert.match(r.stdout, /SKEW: 3 of 4 features differ/);
    assert.match(readFileSync(html, "utf8"), /Lyon.*lyon/s);
});
test("bad input: one clear line on stderr, exit 2", () => {
    const cases = [
        [["skew", training, serving], /missing --key/],
        [["skew", training, "--key", "id"], /missing serving table/],
        [["skew", training, serving, "--key", "nope"], /no key column named 'nope'/],
        [["skew", training, serving, "--key", "id", "--tolerance=-1"], /--tolerance must be ≥ 0/],
        [["skew", training, serving, "--key", "id", "--columns", "salary"], /no column named 'salary'/],
        [["skew", training, "missing.csv", "--key", "id"], /missing\.csv: no such file/],
    ];
    for (const [args, message] of cases) {
        const r = runCli(args);
        assert.equal(r.code, 2, `${args.join(" ")}: exit ${r.code} ${r.stderr}`);
        assert.match(r.stderr, message);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    }
});
test("a key that does not identify rows is an input error, not 'no skew' (adult on age; the fixture without --allow-repeated-keys)", () => {
    const adultTrain = fixture("adult", "adult_train.csv");
    const adultTest = fixture("adult", "adult_test.csv");
    const byAge = runCli(["skew", adultTrain, adultTest, "--key", "age"]);
    assert.equal(byAge.code, 2, byAge.stdout);
    assert.equal(byAge.stderr.trim().split("\n").length, 1);
    assert.match(byAge.stderr, /the key age is not unique: 32559 of 32561 training rows share a key value/);
    assert.match(byAge.stderr, /--allow-repeated-keys/);
    const strict = runCli(["skew", training, serving, "--key", "id"]);
    assert.equal(strict.code, 2);
    assert.match(strict.stderr, /2 of 10 training rows .*id = 7: 2 rows/);
    // every key repeated and left out: nothing joined is no verdict either
    const none = runCli(["skew", adultTrain, adultTest, "--key", "sex", "--allow-repeated-keys"]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /nothing to compare/);
});
