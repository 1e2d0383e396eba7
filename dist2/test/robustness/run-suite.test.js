import assert from "node:assert/strict";
import { test } from "node:test";
import { binaryLabels } from "../../src/evaluate/labels.js";
import { openSource } from "../../src/io/source.js";
import { readTable, trainBaseline } from "../../src/model/index.js";
import { loadModel } from "../../src/model/node/index.js";
import { runSuite } from "../../src/robustness/run-suite.js";
import { parseSuite } from "../../src/robustness/suite-read.js";
import { fixture } from "../helpers/cli.js";
const SEX_SUITE = parseSuite(`format: assay.suite
version: 1
tests:
  - name: sex swap
    type: inv
    transform: { kind: swap, column: sex, map: { Male: Female, Female: Male } }
    sample: 3000
    tolerance: 0.001
`, "sex.yaml");
async function adult(file, rows) {
    const table = await readTable(await openSource({ path: fixture("adult", file) }));
    const keep = Math.min(rows, table.length);
    return {
        length: keep,
        offset: 0,
        columns: table.columns.map((c) => ({
            ...c,
            values: c.values.slice(0, keep),
            valid: c.valid.slice(0, keep),
        })),
    };
}
test("run-suite: INV on sex flips decisions of a model that uses sex and none of one that does not", async () => {
    const train = await adult("adult_train.csv", 6000);
    const data = await adult("adult_test.csv", 3000);
    const labels = binaryLabels(train.columns.find((c) => c.name === "income-per-year"), ">50K");
    const features = ["age", "education-num", "hours-per-week", "capital-gain", "sex", "relationship"];
    const withSex = trainBaseline("logistic", train, labels, features);
    const onnx = await loadModel(fixture("evaluate", "adult_v1.yaml"));
    try {
        const [usesSex] = await runSuite(SEX_SUITE, withSex, data);
        assert.equal(usesSex.rows, 3000);
        assert.ok(usesSex.failures > 0, `expected flips, got ${usesSex.failures}`);
        assert.ok(usesSex.examples.length > 0 && usesSex.examples[0].row.sex !== usesSex.examples[0].transformed.sex);
        const [ignoresSex] = await runSuite(SEX_SUITE, onnx, data);
        assert.equal(ignoresSex.failures, 0);
        assert.equal(ignoresSex.status, "pass");
        assert.deepEqual(ignoresSex.ci?.[0], 0);
    }
    finally {
        await onnx.close();
    }
});
const SMALL = {
    length: 40,
    offset: 0,
    columns: [
        {
            name: "x",
            type: "float",
            values: Float64Array.from({ length: 40 }, (_, i) => i),
            valid: new Uint8Array(40).fill(1),
        },
        {
            name: "t",
            type: "string",
            values: Array.from({ length: 40 }, (_, i) => `Some Text ${i}`),
            valid: new Uint8Array(40).fill(1),
        },
    ],
};
function jsModel(name, score) {
    return {
        name,
        kind: "module",
        features: null,
        metadata: { source: name, task: "binary" },
        predict: async (batch) => ({ scores: score(batch) }),
        close: async () => { },
    };
}
test("run-suite: a model that throws fails its test with status error; the suite goes on", async () => {
    const suite = parseSuite("format: assay.suite\nversion: 1\ntests:\n  - name: a\n    type: inv\n    transform: { kind: shift, column: x, by: 1 }\n  - name: b\n    type: mft\n    where: { x: { max: 5 } }\n    expect: { score: { max: 1 } }\n    minRows: 1\n");
    let calls = 0;
    const model = jsModel("flaky", (batch) => {
        calls++;
        if (calls === 2)
            throw new Error("boom");
        return new Float64Array(batch.length).fill(0.3);
    });
    const [a, b] = await runSuite(suite, model, SMALL);
    assert.equal(a.status, "error");
    assert.match(a.message, /the model failed: boom/);
    assert.equal(b.status, "pass");
    assert.equal(b.rows, 6);
});
test("run-suite: reorder catches a batch-dependent model; text style, DIR and NaN scores", async () => {
    const suite = parseSuite(`format: assay.suite
version: 1
tests:
  - { name: order, type: inv, transform: { kind: reorder }, epsilon: 0 }
  - { name: style, type: inv, transform: { kind: text, column: t, style: case }, epsilon: 0 }
  - { name: up, type: dir, direction: up, transform: { kind: shift, column: x, by: 1 } }
  - { name: range, type: mft, where: { x: { min: 0 } }, expect: { score: { min: 0, max: 1 } } }
`);
    // Scores the first row of each batch higher (position-dependent), reads t's case, is NaN at x = 39.
    const model = jsModel("odd", (batch) => {
        const x = batch.columns.find((c) => c.name === "x").values;
        const t = batch.columns.find((c) => c.name === "t").values;
        return Float64Array.from({ length: batch.length }, (_, i) => x[i] === 39 ? Number.NaN : (i === 0 ? 0.5 : 0) + (t[i] === t[i].toLowerCase() ? 0.1 : 0) + x[i] / 100);
    });
    const [order, style, up, range] = await runSuite(suite, model, SMALL);
    assert.ok(order.failures >= 1 && order.failures <= 2, JSON.stringify(order));
    assert.ok(style.failures > 0);
    // x + 1 raises every score except row 0 (which loses its position bonus) and the NaN row
    assert.equal(up.failures, 2);
    assert.equal(range.failures, 1);
    assert.equal(range.examples[0].row.x, 39);
});
test("run-suite: a suite naming a column the data lacks is an input error at the test's line", async () => {
    const suite = parseSuite("format: assay.suite\nversion: 1\ntests:\n  - { name: a, type: inv, transform: { kind: shift, column: nope, by: 1 } }\n", "s.yaml");
    const model = jsModel("m", (b) => new Float64Array(b.length));
    await assert.rejects(runSuite(suite, model, SMALL), /^InputError: s\.yaml:4: test 'a': transform shift: no column 'nope'/);
});
