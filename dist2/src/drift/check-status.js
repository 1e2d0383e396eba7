/** A drift verdict as a check's status: drift fails, a warning warns, stable passes. */
export const DRIFT_CHECK_STATUS = {
    drift: "fail",
    warn: "warn",
    insufficient: "insufficient",
    stable: "pass",
};
