/** A small seeded generator for simulations (mulberry32) with normal draws (Box–Muller). */
export function rng(seed) {
    let a = seed >>> 0;
    let spare = Number.NaN;
    const uniform = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return {
        uniform,
        normal() {
            if (!Number.isNaN(spare)) {
                const s = spare;
                spare = Number.NaN;
                return s;
            }
            let u = 0;
            while (u === 0)
                u = uniform();
            const v = uniform();
            const r = Math.sqrt(-2 * Math.log(u));
            spare = r * Math.sin(2 * Math.PI * v);
            return r * Math.cos(2 * Math.PI * v);
        },
    };
}
export function normals(r, n, shift = 0) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
        out[i] = r.normal() + shift;
    return out;
}
/** n draws from a categorical distribution, as counts per category name. */
export function categoricalCounts(r, probabilities, n) {
    const cumulative = [];
    let s = 0;
    for (const p of probabilities)
        cumulative.push((s += p));
    const counts = new Array(probabilities.length).fill(0);
    for (let i = 0; i < n; i++) {
        const u = r.uniform() * s;
        let k = 0;
        while (k < cumulative.length - 1 && u >= cumulative[k])
            k++;
        counts[k]++;
    }
    const out = new Map();
    counts.forEach((c, k) => {
        if (c > 0)
            out.set(`c${k}`, c);
    });
    return out;
}
