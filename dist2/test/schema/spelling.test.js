import assert from "node:assert/strict";
import { test } from "node:test";
import { editDistance, foldValue, spellingVariantOf } from "../../src/schema/spelling.js";
test("case, punctuation and whitespace variants are named", () => {
    assert.deepEqual(spellingVariantOf("male", ["Male", "Female"]), {
        value: "male",
        known: "Male",
        kind: "case",
    });
    assert.equal(spellingVariantOf("U.S.", ["US", "UK"])?.known, "US");
    assert.equal(spellingVariantOf("U.S.", ["US", "UK"])?.kind, "punctuation/whitespace");
    assert.equal(spellingVariantOf(" United States", ["United-States"])?.known, "United-States");
    assert.equal(foldValue("Self-emp-not-inc"), "selfempnotinc");
});
test("small edit distances on long enough values; short distinct codes are not variants", () => {
    assert.equal(spellingVariantOf("Bachelor", ["Bachelors", "Masters"])?.kind, "edit distance 1");
    assert.equal(spellingVariantOf("Doctorat", ["Doctorate"])?.known, "Doctorate");
    assert.equal(spellingVariantOf("UK", ["US"]), null);
    assert.equal(spellingVariantOf("MQT", ["MKE", "MQY"]), null);
    assert.equal(spellingVariantOf("Freelance", ["Private", "Local-gov"]), null);
});
test("Damerau–Levenshtein (optimal string alignment) distances", () => {
    assert.equal(editDistance("kitten", "sitting"), 3);
    assert.equal(editDistance("ca", "ac"), 1);
    assert.equal(editDistance("", "abc"), 3);
    assert.equal(editDistance("abc", "abc"), 0);
    assert.equal(editDistance("abcdef", "zzzzzz", 2), 3);
});
