export function normalDraw(random) {
    const u1 = 1 - random.next();
    const u2 = random.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
