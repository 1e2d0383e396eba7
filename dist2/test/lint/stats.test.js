import assert from "node:assert/strict";
import { test } from "node:test";
import { aucFromGroups } from "../../src/lint/auc.js";
import { crossFittedAuc, foldOf } from "../../src/lint/cross-fitted.js";
import { normalizedMutualInformation } from "../../src/lint/mutual-information.js";
import { outlierRule } from "../../src/lint/outliers.js";
test("AUC from grouped counts equals the Mann–Whitney statistic with ties as one half", () => {
    // scores ascending: 1 (neg), 2 (pos, neg), 3 (pos) → pairs: (2p vs 1n)=1, (2p vs 2n)=.5, (3p vs 1n)=1, (3p vs 2n)=1
    assert.equal(aucFromGroups([
        { positives: 0, negatives: 1 },
        { positives: 1, negatives: 1 },
        { positives: 1, negatives: 0 },
    ]), 3.5 / 4);
    assert.equal(aucFromGroups([{ positives: 3, negatives: 0 }]), null);
    // sklearn.metrics.roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75
    assert.equal(aucFromGroups([
        { positives: 0, negatives: 1 },
        { positives: 1, negatives: 0 },
        { positives: 0, negatives: 1 },
        { positives: 1, negatives: 0 },
    ]), 0.75);
});
test("cross-fitted AUC scores each row by its category's rate in the other folds (pandas + roc_auc_score)", () => {
    // x = a b a c b a a b c c, y = 1 0 1 0 0 1 0 0 1 0, folds 0 3 0 4 1 4 2 0 3 1 (foldOf), one
    // pseudo-row at the table rate: roc_auc_score = 0.6041666666666667 out of fold; in-sample 0.8541666666666667
    const x = ["a", "b", "a", "c", "b", "a", "a", "b", "c", "c"];
    const y = [1, 0, 1, 0, 0, 1, 0, 0, 1, 0];
    const cells = x.map((category, row) => ({
        category,
        fold: foldOf(row),
        positives: y[row],
        negatives: 1 - y[row],
    }));
    assert.deepEqual(x.map((_, row) => foldOf(row)), [0, 3, 0, 4, 1, 4, 2, 0, 3, 1]);
    assert.equal(foldOf(4_000_000_000), Number(((4000000000n * 2654435761n) % 2n ** 32n) / 65536n) % 5);
    assert.ok(Math.abs((crossFittedAuc(cells) ?? 0) - 0.6041666666666667) < 1e-12);
    // a column of distinct values carries nothing out of fold: every row scores its fold's prior
    const distinct = Array.from({ length: 200 }, (_, row) => ({
        category: `id${row}`,
        fold: foldOf(row),
        positives: row % 3 === 0 ? 1 : 0,
        negatives: row % 3 === 0 ? 0 : 1,
    }));
    const auc = crossFittedAuc(distinct) ?? 0;
    assert.equal(auc, 0.5);
});
test("normalised mutual information matches scikit-learn (arithmetic mean)", () => {
    // sklearn normalized_mutual_info_score([0,0,1,1], [0,0,1,1]) = 1; ([0,0,1,1],[0,1,0,1]) = 0
    const cells = (pairs) => {
        const m = new Map();
        for (const [x, y] of pairs)
            m.set(`${x}|${y}`, (m.get(`${x}|${y}`) ?? 0) + 1);
        return [...m].map(([k, n]) => ({ x: k.split("|")[0], y: k.split("|")[1], n }));
    };
    assert.ok(Math.abs((normalizedMutualInformation(cells([
        ["a", "0"],
        ["a", "0"],
        ["b", "1"],
        ["b", "1"],
    ])) ?? 0) - 1) < 1e-12);
    assert.ok(Math.abs(normalizedMutualInformation(cells([
        ["a", "0"],
        ["a", "1"],
        ["b", "0"],
        ["b", "1"],
    ])) ?? 1) < 1e-12);
    // sklearn normalized_mutual_info_score([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.5158037429793889
    const v = normalizedMutualInformation(cells([
        ["0", "0"],
        ["0", "0"],
        ["0", "1"],
        ["1", "1"],
        ["1", "2"],
        ["1", "2"],
    ]));
    assert.ok(Math.abs((v ?? 0) - 0.5158037429793889) < 1e-12, String(v));
});
test("the outlier rule: modified z with MAD, Tukey far-out fences when MAD is 0, nothing when IQR is 0", () => {
    const z = outlierRule({ median: 37, mad: 10, q1: 28, q3: 48 });
    assert.equal(z?.method, "modified_z");
    assert.ok(Math.abs((z?.high ?? 0) - (37 + (3.5 * 10) / 0.6745)) < 1e-9);
    const tukey = outlierRule({ median: 0, mad: 0, q1: 0, q3: 2 });
    assert.deepEqual([tukey?.method, tukey?.low, tukey?.high], ["tukey_far_out", -6, 8]);
    assert.equal(outlierRule({ median: 0, mad: 0, q1: 0, q3: 0 }), null);
});
