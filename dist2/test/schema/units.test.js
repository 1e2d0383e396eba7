import assert from "node:assert/strict";
import { test } from "node:test";
import { detectUnitChange } from "../../src/schema/units.js";
const reference = { quantiles: { "0.05": 18, "0.25": 40, "0.5": 40, "0.75": 45, "0.95": 60 }, mean: 40.4 };
const scale = (k) => ({
    quantiles: Object.fromEntries(Object.entries(reference.quantiles).map(([q, v]) => [q, v * k])),
    mean: reference.mean * k,
});
test("constant factors are found and named", () => {
    const kilo = detectUnitChange(reference, scale(1000));
    assert.ok(kilo && Math.abs(kilo.factor - 1000) < 1e-9);
    assert.match(kilo.known ?? "", /×1000/);
    assert.match(detectUnitChange(reference, scale(2.20462))?.known ?? "", /kg → lb/);
    assert.match(detectUnitChange(reference, scale(2.54))?.known ?? "", /in → cm/);
    assert.match(detectUnitChange(reference, scale(0.01))?.known ?? "", /^÷100/);
    const odd = detectUnitChange(reference, scale(7.3));
    assert.ok(odd && odd.known === null);
});
test("no alarm for an unchanged column, a shift, a drifted spread or a sign change", () => {
    assert.equal(detectUnitChange(reference, scale(1)), null);
    assert.equal(detectUnitChange(reference, scale(1.2)), null);
    const shifted = {
        quantiles: Object.fromEntries(Object.entries(reference.quantiles).map(([q, v]) => [q, v + 100])),
        mean: reference.mean + 100,
    };
    assert.equal(detectUnitChange(reference, shifted), null);
    const delays = { quantiles: { "0.05": -21, "0.25": -9, "0.5": -1, "0.75": 12, "0.95": 59 }, mean: 6.3 };
    const worse = { quantiles: { "0.05": -18, "0.25": -6, "0.5": 2, "0.75": 25, "0.95": 120 }, mean: 18 };
    assert.equal(detectUnitChange(delays, worse), null);
    // a point mass at zero (capital-gain) gives too few statistics to judge
    assert.equal(detectUnitChange({ quantiles: { "0.5": 0, "0.95": 0 }, mean: 1077 }, { quantiles: { "0.5": 0, "0.95": 0 }, mean: 2000 }), null);
});
