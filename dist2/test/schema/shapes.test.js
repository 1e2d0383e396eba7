import assert from "node:assert/strict";
import { test } from "node:test";
import { shapePattern } from "../../src/schema/shapes.js";
test("identifier shapes become regular expressions", () => {
    assert.equal(shapePattern([{ shape: "AA-999", count: 100 }], 100)?.pattern, "[A-Z]{2}-[0-9]{3}");
    assert.equal(shapePattern([{ shape: "AAA", count: 9 }], 9)?.pattern, "[A-Z]{3}");
    // varying lengths collapse into runs
    const ids = [
        { shape: "a9", count: 9 },
        { shape: "a99", count: 90 },
        { shape: "a999", count: 900 },
    ];
    assert.equal(shapePattern(ids, 999)?.pattern, "[a-z]+[0-9]+");
    // two formats side by side
    const two = shapePattern([
        { shape: "AA-999", count: 500 },
        { shape: "9999.a", count: 500 },
    ], 1000);
    assert.equal(two?.pattern, "([A-Z]{2}-[0-9]{3}|[0-9]{4}\\.[a-z])");
    assert.ok(new RegExp(`^${two?.pattern}$`).test("1234.x"));
});
test("free text and single-class words get no format", () => {
    assert.equal(shapePattern([
        { shape: "Aaaa Aaaaa", count: 9 },
        { shape: "Aaa Aaaa", count: 90 },
    ], 99), null);
    assert.equal(shapePattern([
        { shape: "aaaa", count: 5 },
        { shape: "aaaaaaa", count: 5 },
    ], 10), null);
    // too varied: five shapes each 20%
    const varied = ["A9", "a-a", "99A", "A.A", "9a9"].map((shape) => ({ shape, count: 20 }));
    assert.equal(shapePattern(varied, 100), null);
});
