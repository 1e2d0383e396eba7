const TWO_TO_MINUS_32 = 2.3283064365386963e-10;
export function seededRandom(seed) {
    let s = seed >>> 0;
    const splitmix = () => {
        s = (s + 0x9e3779b9) >>> 0;
        let z = s;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
        return (z ^ (z >>> 16)) >>> 0;
    };
    let a = splitmix();
    let b = splitmix();
    let c = splitmix();
    let d = splitmix();
    if ((a | b | c | d) === 0)
        a = 1;
    const nextUint32 = () => {
        const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        const t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = rotl(d, 11);
        return result;
    };
    const countDraws = (counts, m, draws) => {
        const scale = m * TWO_TO_MINUS_32;
        let s0 = a;
        let s1 = b;
        let s2 = c;
        let s3 = d;
        for (let j = 0; j < draws; j++) {
            const x = Math.imul(s1, 5);
            const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
            const t = s1 << 9;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 11) | (s3 >>> 21);
            counts[Math.floor(result * scale)]++;
        }
        a = s0;
        b = s1;
        c = s2;
        d = s3;
    };
    return {
        nextUint32,
        countDraws,
        next: () => nextUint32() * TWO_TO_MINUS_32,
        // n·2^32 stays below 2^53 for n < 2^21·1000, far beyond any table we resample.
        below: (n) => Math.floor(nextUint32() * n * TWO_TO_MINUS_32),
    };
}
function rotl(x, k) {
    return (x << k) | (x >>> (32 - k));
}
