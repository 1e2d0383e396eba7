import { TrustError } from "../trust/errors.js";
import { UsageError } from "./errors.js";

/** Runs core trust work, turning its input errors into usage errors (one line, exit 2). */
export function guardTrust<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TrustError) throw new UsageError(error.message);
    throw error;
  }
}

export async function guardTrustAsync<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TrustError) throw new UsageError(error.message);
    throw error;
  }
}
