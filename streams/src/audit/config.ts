// verify-audit's configuration: the same ClickHouse variables as streams (CHDB_PATH, or CLICKHOUSE_URL and
// credentials), parsed by the same shared schema, so the tool reads exactly the log streams writes.
import { existsSync, statSync } from 'node:fs';
import type { ClickHouseTarget } from '@citybrain/schemas/clickhouse';
import { clickhouseTargetOf, clickhouseVars, ConfigError, parseEnv } from '@citybrain/service-kit';
import { z } from 'zod';
import { DEFAULT_ALERTS_PER_PAGE } from './read.js';

const env = z.object({
  ...clickhouseVars,
  VERIFY_AUDIT_ALERTS_PER_PAGE: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_ALERTS_PER_PAGE),
});

export interface VerifyAuditConfig {
  clickhouse: ClickHouseTarget;
  alertsPerPage: number;
}

export function loadVerifyAuditConfig(
  source: Record<string, string | undefined> = process.env,
): VerifyAuditConfig {
  const e = parseEnv(env, source, 'verify-audit');
  const clickhouse = clickhouseTargetOf(e);
  // Opening chDB at a path creates it: a mistyped CHDB_PATH would verify an empty new database and say "ok".
  if (clickhouse.kind === 'chdb' && !(existsSync(clickhouse.path) && statSync(clickhouse.path).isDirectory()))
    throw new ConfigError(
      `invalid verify-audit configuration:\n  CHDB_PATH: no chDB data directory at ${clickhouse.path}`,
    );
  return { clickhouse, alertsPerPage: e.VERIFY_AUDIT_ALERTS_PER_PAGE };
}
