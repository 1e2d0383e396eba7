import { mahalanobisTerms } from "./mahalanobis.js";
import { cellShares } from "./rarity.js";
/** Row i's features, the most unusual first. `batch` and `row` give the raw values for display. */
export function explainRow(fitted, encoded, i, batch, row) {
    const { space, mahalanobis } = fitted.detector;
    const p = space.numeric.length;
    const raw = (name) => {
        const c = batch.columns.find((x) => x.name === name);
        return c?.valid[row] ? c.values[row] : null;
    };
    const terms = mahalanobis ? mahalanobisTerms(mahalanobis, encoded.z, i) : [];
    const numeric = new Map(space.numeric.map((f, j) => [f.name, j]));
    return cellShares(space, encoded, i)
        .map((cell) => {
        const j = numeric.get(cell.column);
        const out = {
            column: cell.column,
            value: cell.missing ? null : raw(cell.column),
            referenceShare: cell.share,
        };
        if (j !== undefined && !cell.missing) {
            out.z = encoded.z[i * p + j];
            out.mahalanobisTerm = terms[j];
        }
        if (cell.unseen)
            out.unseen = true;
        return out;
    })
        .sort((a, b) => a.referenceShare - b.referenceShare || a.column.localeCompare(b.column));
}
