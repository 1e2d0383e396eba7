export function perturbText(text, style, random) {
    if (text.length === 0)
        return text;
    switch (style) {
        case "whitespace":
            // A doubled inner space, or padding at either end: what copy-paste and form fields add.
            if (text.includes(" ") && random.next() < 0.5)
                return text.replace(" ", "  ");
            return random.next() < 0.5 ? ` ${text}` : `${text} `;
        case "case": {
            const r = random.below(3);
            return r === 0 ? text.toLowerCase() : r === 1 ? text.toUpperCase() : flipFirstLetter(text);
        }
        case "punctuation":
            return /[.!?,;:]$/.test(text) ? text.replace(/[.!?,;:]+$/, "") : `${text}.`;
        case "typo":
            return typo(text, random);
    }
}
function flipFirstLetter(text) {
    const first = text[0];
    const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
    return flipped + text.slice(1);
}
function typo(text, random) {
    const words = [...text.matchAll(/\p{L}{4,}/gu)];
    if (words.length === 0)
        return text;
    const word = words[random.below(words.length)];
    const at = (word.index ?? 0) + 1 + random.below(word[0].length - 2);
    return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
}
