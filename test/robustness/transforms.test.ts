import assert from "node:assert/strict";
import { test } from "node:test";
import { perturbText } from "../../src/robustness/text-perturb.js";
import { applyTransforms, interquartileRange } from "../../src/robustness/transforms.js";
import { seededRandom } from "../../src/stats/random.js";
import { batchFromRows } from "../../src/table/types.js";

const INFO = [
  { name: "x", type: "float" as const, sourceType: "DOUBLE" },
  { name: "c", type: "string" as const, sourceType: "VARCHAR" },
];
const ROWS = [
  { x: 1, c: "Male" },
  { x: 2, c: "Female" },
  { x: null, c: "Other words here" },
  { x: 4, c: null },
];
const context = () => ({ random: seededRandom(1), reference: batchFromRows(INFO, ROWS), plugins: {} });
const column = (b: { columns: { name: string; values: unknown; valid: Uint8Array }[] }, name: string) => {
  const c = b.columns.find((x) => x.name === name)!;
  return Array.from(c.values as ArrayLike<unknown>, (v, i) => (c.valid[i] ? v : null));
};

test("transforms: set, scale, shift, clip, swap and missing; the input batch is left alone", async () => {
  const batch = batchFromRows(INFO, ROWS);
  const apply = async (t: object) => (await applyTransforms(batch, [t as never], context())).batch;
  assert.deepEqual(column(await apply({ kind: "scale", column: "x", factor: 10 }), "x"), [10, 20, null, 40]);
  assert.deepEqual(column(await apply({ kind: "shift", column: "x", by: -1 }), "x"), [0, 1, null, 3]);
  assert.deepEqual(column(await apply({ kind: "clip", column: "x", min: 1.5, max: 3 }), "x"), [
    1.5,
    2,
    null,
    3,
  ]);
  assert.deepEqual(column(await apply({ kind: "set", column: "x", value: 7 }), "x"), [7, 7, 7, 7]);
  assert.deepEqual(
    column(await apply({ kind: "swap", column: "c", map: { Male: "Female", Female: "Male" } }), "c"),
    ["Female", "Male", "Other words here", null],
  );
  assert.deepEqual(column(await apply({ kind: "missing", column: "c" }), "c"), [null, null, null, null]);
  assert.deepEqual(column(batch, "x"), [1, 2, null, 4]);
  await assert.rejects(
    apply({ kind: "scale", column: "c", factor: 2 }),
    /column 'c' is text; scale needs a numeric column/,
  );
  await assert.rejects(
    apply({ kind: "set", column: "x", value: "a" }),
    /column 'x' is numeric; value 'a' is text/,
  );
});

test("transforms: noise by band uses the data's IQR; reorder returns the permutation; plug-ins are checked", async () => {
  const batch = batchFromRows(INFO, ROWS);
  assert.equal(interquartileRange(batch, "x"), 1.5); // 1, 2, 4: Q1 1.5, Q3 3
  const noisy = (
    await applyTransforms(
      batch,
      [{ kind: "noise", column: "x", sd: null, relative: null, band: 0.01 }],
      context(),
    )
  ).batch;
  const x = column(noisy, "x") as (number | null)[];
  assert.equal(x[2], null);
  for (const [i, v] of [1, 2, 4].entries()) assert.ok(Math.abs((x[i === 2 ? 3 : i] as number) - v) < 0.1);
  const reordered = await applyTransforms(batch, [{ kind: "reorder" }], context());
  assert.ok(reordered.order);
  assert.deepEqual([...reordered.order!].sort(), [0, 1, 2, 3]);
  assert.notDeepEqual([...reordered.order!], [0, 1, 2, 3]);
  for (let i = 0; i < 4; i++) assert.equal(column(reordered.batch, "c")[i], ROWS[reordered.order![i]].c);
  const bad = { ...context(), plugins: { short: () => [] } };
  await assert.rejects(
    applyTransforms(batch, [{ kind: "plugin", name: "short", options: {} }], bad),
    /must return 4 rows, got 0 rows/,
  );
  const doubled = {
    ...context(),
    plugins: {
      double: (rows: Record<string, unknown>[]) =>
        rows.map((r) => ({ ...r, x: r.x === null ? null : Number(r.x) * 2 })),
    },
  };
  assert.deepEqual(
    column(
      (await applyTransforms(batch, [{ kind: "plugin", name: "double", options: {} }], doubled)).batch,
      "x",
    ),
    [2, 4, null, 8],
  );
});

test("text perturbations keep the content: whitespace, case, punctuation, one typo", () => {
  const random = seededRandom(3);
  for (let k = 0; k < 50; k++) {
    const w = perturbText("new york city", "whitespace", random);
    assert.equal(w.replace(/\s+/g, " ").trim(), "new york city");
    assert.equal(perturbText("New York", "case", random).toLowerCase(), "new york");
    const typo = perturbText("Married-civ-spouse", "typo", random);
    assert.equal([...typo].sort().join(""), [..."Married-civ-spouse"].sort().join(""));
    assert.equal(typo[0], "M");
  }
  assert.equal(perturbText("Hello.", "punctuation", random), "Hello");
  assert.equal(perturbText("Hello", "punctuation", random), "Hello.");
  assert.equal(perturbText("", "typo", random), "");
  assert.equal(perturbText("abc", "typo", random), "abc");
});
