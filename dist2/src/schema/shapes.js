/**
 * String formats of identifiers, from value shapes: every upper-case letter becomes A, lower-case a,
 * digit 9 ("AB-123" → "AA-999"). When at most three shapes cover the values — exactly, or once runs
 * are collapsed ("a9", "a99", "a999" → "a9+") — they become a regular expression for the contract.
 */
export const SHAPE_SQL = (column) => `regexp_replace(regexp_replace(regexp_replace(${column}, '[A-Z]', 'A', 'g'), '[a-z]', 'a', 'g'), '[0-9]', '9', 'g')`;
const CLASS = { A: "[A-Z]", a: "[a-z]", "9": "[0-9]" };
/** A regular expression covering ≥ `coverage` of the values, or null when the shapes are too varied. */
export function shapePattern(shapes, total, options = {}) {
    const maxShapes = options.maxShapes ?? 3;
    const coverage = options.coverage ?? 0.999;
    if (total === 0)
        return null;
    const attempts = [
        [false, 1],
        [true, 1],
        [false, maxShapes],
        [true, maxShapes],
    ];
    for (const [collapse, limit] of attempts) {
        const merged = new Map();
        for (const s of shapes) {
            const key = runs(s.shape)
                .map((r) => (collapse ? `${r.char}+` : `${r.char}{${r.length}}`))
                .join("\u0000");
            merged.set(key, (merged.get(key) ?? 0) + s.count);
        }
        const ranked = [...merged.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
        const covered = ranked.reduce((sum, [, n]) => sum + n, 0);
        if (covered / total < coverage)
            continue;
        // shapes made only of one class of characters ("a+", free lower-case words) say nothing about format
        const alternatives = ranked.map(([key]) => toRegex(key.split("\u0000"), collapse, ranked.length === 1));
        if (alternatives.some((a) => a === null))
            continue;
        return {
            pattern: alternatives.length === 1 ? alternatives[0] : `(${alternatives.join("|")})`,
            covered,
        };
    }
    return null;
}
function runs(shape) {
    const out = [];
    for (const ch of shape) {
        const last = out[out.length - 1];
        if (last && last.char === ch)
            last.length++;
        else
            out.push({ char: ch, length: 1 });
    }
    return out;
}
function toRegex(tokens, collapsed, alone) {
    const classes = new Set(tokens.map((t) => t[0]).filter((c) => CLASS[c] !== undefined));
    const literals = tokens.filter((t) => CLASS[t[0]] === undefined);
    // an identifier mixes classes, has separators or a fixed length ("AAA"); a variable-length run of
    // one class is just a word or a number
    if (classes.size + (literals.length > 0 ? 1 : 0) < 2 && (collapsed || tokens.length !== 1 || !alone))
        return null;
    if (literals.some((t) => /\s/.test(t[0])))
        return null; // spaces: free text, not an identifier
    return tokens
        .map((t) => {
        const ch = t[0];
        const quantifier = t.slice(1);
        const atom = CLASS[ch] ?? escapeLiteral(ch);
        if (collapsed)
            return `${atom}${quantifier}`;
        const n = Number(quantifier.slice(1, -1));
        return n === 1 ? atom : `${atom}{${n}}`;
    })
        .join("");
}
function escapeLiteral(ch) {
    return /[\\^$.*+?()[\]{}|]/.test(ch) ? `\\${ch}` : ch;
}
