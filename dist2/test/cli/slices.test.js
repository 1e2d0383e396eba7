import assert from "node:assert/strict";
import { test } from "node:test";
import { fixture, runCli } from "../helpers/cli.js";
const adult = fixture("adult", "adult_test.csv");
const common = ["--label", "income-per-year", "--resamples", "20", "--json"];
// A numeric column cut at its quartiles, a numeric column whose lowest quartile is its minimum, a text
// column with more values than are kept (the rest pooled), and a text column kept whole.
const columns = "age,capital-gain,native-country,race";
test("evaluate and compare cut the same slices and sensitive groups on adult: names and row counts", () => {
    const evaluated = runCli([
        "evaluate",
        adult,
        ...common,
        "--model",
        "examples/adult/adult_v1.yaml",
        "--slices",
        columns,
        "--sensitive",
        "age",
        "--no-baseline",
    ]);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const compared = runCli([
        "compare",
        adult,
        ...common,
        "--old",
        "examples/adult/adult_v1.yaml",
        "--new",
        "examples/adult/adult_v2.yaml",
        "--slices",
        columns,
        "--sensitive",
        "age",
    ]);
    assert.ok(compared.code === 0 || compared.code === 1, compared.stderr);
    const e = JSON.parse(evaluated.stdout);
    const c = JSON.parse(compared.stdout);
    // evaluate also reports pairs of predicates; its one-predicate slices are the column groups.
    const single = e.slices
        .filter((s) => s.predicates.length === 1)
        .map((s) => [s.slice, s.count]);
    const groups = c.slices.map((s) => [s.slice, s.n]);
    const sorted = (xs) => [...xs].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(sorted(groups), sorted(single));
    // What the single slicer cuts, spelled out: quartile buckets, the minimum alone, pooled rare countries.
    const names = new Map(groups);
    assert.equal(names.get("age ≤ 28"), 4394);
    assert.equal(names.get("28 < age ≤ 37"), 3899);
    assert.equal(names.get("capital-gain = 0"), 14958);
    assert.equal(names.get("capital-gain > 0"), 1323);
    assert.equal(names.get("native-country = (other)"), 91, "41 countries: the 30 most frequent are kept");
    assert.equal(names.get("race = White"), 13946);
    for (const column of columns.split(",")) {
        const rows = c.slices
            .filter((g) => g.column === column)
            .reduce((sum, g) => sum + g.n, 0);
        assert.equal(rows, e.n, `${column}: every row in exactly one group`);
    }
    // Sensitive groups: evaluate's fairness groups and compare's per-group deltas.
    const fairness = Object.entries(e.fairness.age.groups).map(([g, v]) => [g, v.count]);
    const deltas = c.groups.age.map((g) => [g.value, g.n]);
    assert.deepEqual(sorted(deltas), sorted(fairness));
    assert.equal(deltas.length, 4);
});
