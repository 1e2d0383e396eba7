import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, ROOT, runCliAsync } from "../helpers/cli.js";
test("assay adequacy: adult's test split against its contract; --min-coverage fails on rare countries", async () => {
    const args = [
        "adequacy",
        fixture("adult", "adult_test.csv"),
        "--schema",
        `${ROOT}/examples/adult/adult.schema.yaml`,
        "--columns",
        "age,sex,native-country",
        "--json",
    ];
    const r = await runCliAsync(args);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.kind, "adequacy");
    const age = report.features.find((f) => f.column === "age");
    assert.equal(age.coverage, 1);
    assert.equal(report.pairs.length, 3);
    assert.ok(report.pairCoverage > 0.5 && report.pairCoverage < 1, String(report.pairCoverage));
    const strict = await runCliAsync([...args, "--min-coverage", "0.999"]);
    assert.equal(strict.code, 1);
    const none = await runCliAsync(["adequacy", fixture("adult", "adult_test.csv")]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs --schema FILE/);
});
