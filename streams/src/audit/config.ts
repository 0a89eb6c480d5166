// verify-audit's configuration: the same ClickHouse variables as streams (CHDB_PATH, or CLICKHOUSE_URL and
// credentials), parsed by the same shared schema, so the tool reads exactly the log streams writes.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClickHouseTarget } from '@citybrain/schemas/clickhouse';
import { clickhouseTargetOf, clickhouseVars, ConfigError, parseEnv } from '@citybrain/service-kit';
import { z } from 'zod';
import { DEFAULT_ALERTS_PER_PAGE } from './read.js';

const env = z.object({
  ...clickhouseVars,
  DATA_DIR: z.string().min(1).optional(),
  INIT_CWD: z.string().min(1).optional(),
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
  // `npm run verify-audit` runs in streams/ (a workspace) but is typed where the demo was: like the demo's
  // launcher, take relative paths from the directory npm was started in (INIT_CWD) and default to the
  // demo's own data directory, DATA_DIR/chdb (./data/chdb).
  const base = e.INIT_CWD ?? process.cwd();
  const clickhouse: ClickHouseTarget =
    e.CLICKHOUSE_URL !== undefined
      ? clickhouseTargetOf(e)
      : {
          kind: 'chdb',
          path:
            source.CHDB_PATH !== undefined
              ? resolve(base, e.CHDB_PATH)
              : resolve(base, e.DATA_DIR ?? 'data', 'chdb'),
        };
  // Opening chDB at a path creates it: a mistyped CHDB_PATH would verify an empty new database.
  if (clickhouse.kind === 'chdb' && !(existsSync(clickhouse.path) && statSync(clickhouse.path).isDirectory()))
    throw new ConfigError(
      `invalid verify-audit configuration:\n  CHDB_PATH: no chDB data directory at ${clickhouse.path}` +
        (source.CHDB_PATH === undefined ? ' (the default, DATA_DIR/chdb: has the demo run here?)' : ''),
    );
  return { clickhouse, alertsPerPage: e.VERIFY_AUDIT_ALERTS_PER_PAGE };
}
