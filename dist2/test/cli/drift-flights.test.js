import assert from "node:assert/strict";
import { test } from "node:test";
import { runCli, vegaData } from "../helpers/cli.js";
const flights = vegaData("flights-3m.parquet");
const month = (m) => `SELECT * FROM '${flights}' WHERE month(date) = ${m}`;
test("flights January vs June: the dates drift, delays warn (mean +2.7 min), distances are stable, routes at most warn", () => {
    const r = runCli(["drift", "--reference-sql", month(1), "--current-sql", month(6), "--json"]);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
    assert.equal(byName.date.status, "drift");
    assert.equal(byName.delay.status, "warn");
    assert.ok(byName.delay.stats.current.mean - byName.delay.stats.reference.mean > 2);
    assert.equal(byName.distance.status, "stable");
    // the route mix moves a little (JS 0.045, below the categorical threshold 0.05): warn, not drift
    for (const name of ["origin", "destination"]) {
        assert.equal(byName[name].status, "warn", name);
        assert.ok(byName[name].effect.value < 0.05, name);
    }
    // the p-values alone would have flagged every column
    for (const c of report.columns)
        assert.ok(c.signals[0].pValue < 1e-10, c.name);
});
test("flights: two random halves of January flag nothing", () => {
    const half = (k) => `SELECT * FROM '${flights}' WHERE month(date) = 1 AND hash(date, delay, distance, origin, destination) % 2 = ${k}`;
    const r = runCli(["drift", "--reference-sql", half(0), "--current-sql", half(1), "--json"]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.drifted, false);
    for (const c of report.columns)
        assert.equal(c.status, "stable", `${c.name}: ${c.signals[0].reason}`);
});
