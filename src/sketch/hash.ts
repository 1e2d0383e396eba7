/** 32-bit hashing for sketches: the murmur3 finalizer over FNV-1a (strings) or the two words of a float64. */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h ^ s.length);
}

export function hashNumber(x: number): number {
  f64[0] = x === 0 ? 0 : x; // -0 and 0 are the same value
  return fmix32(u32[0] ^ fmix32(u32[1] ^ 0x9e3779b9));
}
