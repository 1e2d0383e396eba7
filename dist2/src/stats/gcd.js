/** Greatest common divisor by Euclid's algorithm; exact for integers below 2⁵³ (math.gcd, np.gcd). */
export function gcd(a, b) {
    let x = a;
    let y = b;
    while (y !== 0) {
        const t = x % y;
        x = y;
        y = t;
    }
    return x;
}
