import { decodeBase64, encodeBase64 } from "./base64.js";

/**
 * HyperLogLog (Flajolet et al. 2007) with 2^12 registers over a 32-bit hash: relative standard error
 * 1.04/√4096 ≈ 1.6%, with linear counting for small cardinalities. Registers merge by maximum.
 * A 32-bit hash saturates past ~10^9 distinct values; Assay states the estimate and its error.
 */
const HLL_PRECISION = 12;
const M = 1 << HLL_PRECISION;

export const HLL_RELATIVE_ERROR = 1.04 / Math.sqrt(M);

export class HyperLogLog {
  readonly registers = new Uint8Array(M);

  addHash(hash: number): void {
    const index = hash >>> (32 - HLL_PRECISION);
    const rest = (hash << HLL_PRECISION) >>> 0;
    const rank = rest === 0 ? 32 - HLL_PRECISION + 1 : Math.clz32(rest) + 1;
    if (rank > this.registers[index]) this.registers[index] = rank;
  }

  merge(other: HyperLogLog): void {
    for (let i = 0; i < M; i++)
      if (other.registers[i] > this.registers[i]) this.registers[i] = other.registers[i];
  }

  estimate(): number {
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      sum += 2 ** -this.registers[i];
      if (this.registers[i] === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / M);
    const raw = (alpha * M * M) / sum;
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }

  serialize(): string {
    return encodeBase64(this.registers);
  }

  static deserialize(text: string): HyperLogLog {
    const hll = new HyperLogLog();
    if (text) {
      const bytes = decodeBase64(text);
      if (bytes.length !== M)
        throw new Error(`HyperLogLog registers: expected ${M} bytes, found ${bytes.length}`);
      hll.registers.set(bytes);
    }
    return hll;
  }
}
