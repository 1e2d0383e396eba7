/**
 * The profile: Assay's one statistical summary of a table (format "assay.profile", version 1).
 * It is mergeable: merge(profile(A), profile(B)) equals profile(A ∪ B) — exactly for counts and
 * moments, and within the stated bound for the sketches. Documented in docs/formats.md.
 */
export const PROFILE_FORMAT = "assay.profile";
export const PROFILE_VERSION = 1;
export const PROFILE_QUANTILES = ["0.01", "0.05", "0.25", "0.5", "0.75", "0.95", "0.99"];
