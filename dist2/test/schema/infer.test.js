import assert from "node:assert/strict";
import { test } from "node:test";
import { profileBatches } from "../../src/profile/build.js";
import { inferSchema, roundUp } from "../../src/schema/infer.js";
import { parseSchema } from "../../src/schema/yaml-read.js";
import { schemaToYaml } from "../../src/schema/yaml-write.js";
import { rateUpperBound } from "../../src/stats/clopper-pearson.js";
import { batchFromRows } from "../../src/table/types.js";
const columns = [
    { name: "id", type: "string", sourceType: "VARCHAR" },
    { name: "colour", type: "string", sourceType: "VARCHAR" },
    { name: "comment", type: "string", sourceType: "VARCHAR" },
    { name: "weight", type: "float", sourceType: "DOUBLE" },
    { name: "seen", type: "timestamp", sourceType: "TIMESTAMP" },
    { name: "when", type: "string", sourceType: "VARCHAR" },
    { name: "serial", type: "integer", sourceType: "BIGINT" },
];
async function profile(n) {
    const rows = Array.from({ length: n }, (_, i) => ({
        id: `K-${1000 + i}`,
        colour: ["red", "green", "blue"][i % 3],
        // mostly unique words: an open vocabulary, no domain
        comment: i % 5 === 0 ? null : `note number ${i}`,
        weight: i === 7 ? Number.NaN : 50 + (i % 40),
        seen: Date.UTC(2024, 0, 1) + i * 60_000,
        when: `2024-02-${String(1 + (i % 28)).padStart(2, "0")}`,
        serial: 100_000 + i,
    }));
    return profileBatches(columns, [batchFromRows(columns, rows)], { name: "t", digest: "d" });
}
test("inference: bounds, domains only for closed vocabularies, keys, no range on time, formats", async () => {
    const p = await profile(2000);
    const { schema, explain } = inferSchema(p, { duplicateRows: 0, now: new Date(0) });
    const col = (name) => schema.columns.find((c) => c.name === name);
    assert.equal(col("id").missing, roundUp(rateUpperBound(0, 2000, 0.999)));
    assert.deepEqual(col("id").unique, { mostly: 1 });
    assert.equal(col("id").domain, undefined);
    assert.deepEqual(Object.keys(col("colour").domain.values).sort(), ["blue", "green", "red"]);
    assert.equal(col("colour").domain.values.red, +(667 / 2000).toPrecision(4));
    assert.equal(col("comment").domain, undefined, "1600 singletons: Good–Turing says the vocabulary is open");
    assert.equal(col("comment").missing, roundUp(rateUpperBound(400, 2000, 0.999)));
    assert.equal(col("weight").nonFinite, roundUp(rateUpperBound(1, 2000, 0.999)));
    assert.deepEqual([col("weight").range?.min, col("weight").range?.max], [50, 89]);
    assert.equal(col("seen").range, undefined);
    assert.equal(col("when").format?.kind, "date");
    // an all-distinct integer is an id: unique, and no range that the next batch's ids would break
    assert.deepEqual(col("serial").unique, { mostly: 1 });
    assert.equal(col("serial").range, undefined);
    assert.equal(col("serial").reference, undefined);
    assert.match(explain.get("columns.comment.missing") ?? "", /400 of 2000 missing/);
    // the YAML round-trips
    assert.deepEqual(parseSchema(schemaToYaml(schema, explain)), schema);
});
test("tolerances are rounded up, never down", () => {
    for (const x of [2.123e-4, 0.0345, 0.5, 1e-7]) {
        const r = roundUp(x);
        assert.ok(r >= x && r <= x * 1.1, `${x} → ${r}`);
    }
    assert.equal(roundUp(0), 0);
    assert.equal(roundUp(1.2), 1);
});
