import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSuite, SuiteFileError } from "../../src/robustness/suite-read.js";
import { InputError } from "../../src/table/errors.js";
const HEAD = "format: assay.suite\nversion: 1\ntests:\n";
function failure(body) {
    try {
        parseSuite(HEAD + body, "t.yaml");
    }
    catch (error) {
        assert.ok(error instanceof SuiteFileError && error instanceof InputError, String(error));
        return error.message;
    }
    assert.fail("expected a SuiteFileError");
}
test("suite-read: a valid suite gives typed tests with their lines and defaults", () => {
    const suite = parseSuite(`${HEAD}  - name: a\n    type: inv\n    transform: { kind: scale, column: x, factor: 2 }\n  - name: b\n    type: dir\n    direction: down\n    transform: [{ kind: shift, column: x, by: 1 }, { kind: reorder }]\n    epsilon: 0.01\n`, "t.yaml");
    assert.equal(suite.threshold, 0.5);
    assert.equal(suite.tests.length, 2);
    assert.deepEqual(suite.tests[0].transforms, [{ kind: "scale", column: "x", factor: 2 }]);
    assert.equal(suite.tests[0].line, 4);
    assert.equal(suite.tests[0].tolerance, 0);
    assert.equal(suite.tests[1].line, 7);
    assert.equal(suite.tests[1].direction, "down");
    assert.equal(suite.tests[1].epsilon, 0.01);
    assert.deepEqual(suite.tests[1].transforms[1], { kind: "reorder" });
});
test("suite-read: errors name file, line and field", () => {
    assert.equal(failure("  - name: a\n    type: inv\n    transform: { kind: scale, column: x, factor: two }\n"), 't.yaml:6: tests[0].transform.factor: expected a number, got "two"');
    assert.match(failure("  - name: a\n    type: nope\n"), /^t\.yaml:5: tests\[0\]\.type: expected one of mft, inv, dir/);
    assert.match(failure("  - name: a\n    type: dir\n    transform: { kind: shift, column: x, by: 1 }\n"), /^t\.yaml:4: tests\[0\]\.direction: a DIR test needs direction/);
    assert.match(failure("  - name: a\n    type: inv\n    transform: { kind: shift, column: x, by: 1 }\n    tolerence: 0.1\n"), /^t\.yaml:7: tests\[0\]\.tolerence: unknown field/);
    assert.match(failure("  - name: a\n    type: inv\n    transform: { kind: noise, column: x, sd: 1, band: 0.1 }\n"), /^t\.yaml:6: tests\[0\]\.transform: noise needs exactly one of sd/);
    assert.match(failure("  - name: a\n    type: mft\n    where: { x: 1 }\n    expect: { label: 2 }\n"), /^t\.yaml:7: tests\[0\]\.expect\.label: expected 0 or 1/);
    assert.match(failure("  - name: a\n    type: inv\n    transform: { kind: myplugin }\n"), /^t\.yaml:6: tests\[0\]\.transform\.kind: expected one of set, scale/);
    assert.match(failure("  - name: a\n    type: inv\n    transform: { kind: reorder }\n  - name: a\n    type: inv\n    transform: { kind: reorder }\n"), /^t\.yaml:7: tests\[1\]\.name: a second test named 'a'/);
    assert.throws(() => parseSuite("format: assay.suite\nversion: 2\ntests: []\n", "t.yaml"), /^SuiteFileError: t\.yaml:2: version: expected 1/);
    assert.throws(() => parseSuite("format: [unclosed\n", "t.yaml"), /t\.yaml:\d+: invalid YAML/);
});
test("suite-read: a plug-in declared under plugins: is a transform kind with its options", () => {
    const suite = parseSuite("format: assay.suite\nversion: 1\nplugins: { older: ./older.mjs }\ntests:\n  - name: a\n    type: dir\n    direction: up\n    transform: { kind: older, years: 3 }\n");
    assert.deepEqual(suite.plugins, { older: "./older.mjs" });
    assert.deepEqual(suite.tests[0].transforms, [{ kind: "plugin", name: "older", options: { years: 3 } }]);
});
