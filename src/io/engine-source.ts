import { InputError } from "../table/errors.js";
import { openClickHouse } from "./clickhouse.js";
import type { EngineRelation } from "./engine-relation.js";
import { openPostgres, type TableSpec } from "./postgres.js";

/** Whether a `<source>` argument names a database server rather than a file. */
export function isEngineUrl(source: string): boolean {
  return /^(postgres|postgresql|clickhouse):\/\//i.test(source);
}

/** Opens `--table` on the server a `postgres://` or `clickhouse://` URL names. */
export async function openEngineSource(url: string, spec: TableSpec): Promise<EngineRelation> {
  if (!spec.table) throw new InputError(`${redact(url)}: a database source needs --table NAME`);
  if (/^clickhouse:/i.test(url)) return openClickHouse(url, spec);
  return openPostgres(url, spec);
}

/** The URL without its password, for messages and reports. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
