import type { Status } from "../report/report.js";
import type { ColumnStatus } from "./verdict.js";

/** A drift verdict as a check's status: drift fails, a warning warns, stable passes. */
export const DRIFT_CHECK_STATUS: Record<ColumnStatus, Status> = {
  drift: "fail",
  warn: "warn",
  insufficient: "insufficient",
  stable: "pass",
};
