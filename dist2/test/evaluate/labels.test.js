import assert from "node:assert/strict";
import { test } from "node:test";
import { describePositive, encodeBinaryLabel } from "../../src/evaluate/labels.js";
import { batchFromRows } from "../../src/table/types.js";
function column(type, values) {
    return batchFromRows([{ name: "y", type, sourceType: type }], values.map((y) => ({ y }))).columns[0];
}
test("text labels: --positive as written; no guess for Yes/No", () => {
    const c = column("string", ["Yes", "No", "No", "Yes", "No"]);
    const yes = encodeBinaryLabel(c, "Yes");
    assert.deepEqual([...yes.values], [1, 0, 0, 1, 0]);
    assert.equal(describePositive(yes), 'positive = "Yes" (2 of 5 rows)');
    assert.deepEqual([...encodeBinaryLabel(c, "No").values], [0, 1, 1, 0, 1]);
    assert.throws(() => encodeBinaryLabel(c, "yes"), /did you mean 'Yes'\?\); its values: "No" \(3\), "Yes" \(2\)/);
    assert.throws(() => encodeBinaryLabel(c, "true"), /occurs in no row/);
    assert.throws(() => encodeBinaryLabel(c), /say which value is positive with --positive/);
    // "0"/"1" and "True"/"False" text need no --positive; the positive class is reported as written
    assert.equal(encodeBinaryLabel(column("string", ["0", "1", "1"])).positive, "1");
    assert.equal(encodeBinaryLabel(column("string", ["False", "True"])).positive, "True");
});
test("boolean labels: true/false in any case or 1/0; anything else is an input error", () => {
    const c = column("boolean", [true, false, true]);
    assert.deepEqual([...encodeBinaryLabel(c).values], [1, 0, 1]);
    assert.equal(encodeBinaryLabel(c).positive, "true");
    assert.deepEqual([...encodeBinaryLabel(c, "FALSE").values], [0, 1, 0]);
    assert.deepEqual([...encodeBinaryLabel(c, "0").values], [0, 1, 0]);
    assert.throws(() => encodeBinaryLabel(c, "Yes"), /its values: "true" \(2\), "false" \(1\)/);
});
test("numeric labels: the number must occur; no default beyond 0/1; missing labels are an error", () => {
    const c = column("integer", [0, 2, 2, 0]);
    assert.throws(() => encodeBinaryLabel(c), /not 0\/1 or true\/false.*"0" \(2\), "2" \(2\)/);
    assert.deepEqual([...encodeBinaryLabel(c, "2").values], [0, 1, 1, 0]);
    assert.deepEqual([...encodeBinaryLabel(c, "2.0").values], [0, 1, 1, 0]);
    assert.throws(() => encodeBinaryLabel(c, "1"), /'1' occurs in no row/);
    assert.throws(() => encodeBinaryLabel(c, "x"), /occurs in no row/);
    assert.throws(() => encodeBinaryLabel(column("integer", [1, null, 0])), /missing in 1 of 3 rows/);
});
