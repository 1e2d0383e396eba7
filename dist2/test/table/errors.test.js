import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../../src/cli/errors.js";
import { DriftConfigError } from "../../src/drift/config.js";
import { ModelError } from "../../src/model/model.js";
import { BadRequest } from "../../src/monitor/ingest.js";
import { SchemaFileError } from "../../src/schema/yaml-read.js";
import { InputError, inContext, oneLine } from "../../src/table/errors.js";
test("every domain error is an InputError, and the CLI's UsageError is the same class", () => {
    const errors = [
        new ModelError("m"),
        new SchemaFileError("s.yaml", 3, "columns.age", "expected a number"),
        new DriftConfigError("d"),
        new BadRequest("b"),
        new UsageError("u"),
    ];
    for (const error of errors)
        assert.ok(error instanceof InputError, error.name);
    assert.equal(UsageError, InputError);
    assert.equal(new RangeError("r") instanceof InputError, false);
});
test("inContext prefixes an InputError and keeps its class; other errors pass unchanged", () => {
    const model = inContext(new ModelError("no such model file"), "--old");
    assert.ok(model instanceof ModelError);
    assert.equal(model.message, "--old: no such model file");
    const bug = new TypeError("x is undefined");
    assert.equal(inContext(bug, "--old"), bug);
    assert.equal(bug.message, "x is undefined");
});
test("oneLine keeps the first two meaningful lines of an engine message", () => {
    const duck = new Error('Binder Error: column "x" not found\nLINE 1: SELECT x FROM t\n        ^\nCandidate: y');
    assert.equal(oneLine(duck), 'Binder Error: column "x" not found — Candidate: y');
    assert.equal(oneLine("plain"), "plain");
});
