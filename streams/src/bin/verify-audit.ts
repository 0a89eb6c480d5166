#!/usr/bin/env -S npx tsx
// Verifies the alert_events hash chains: `npm run verify-audit` (CHDB_PATH, default ./data/chdb, or
// CLICKHOUSE_URL). In embedded mode run it while the demo is stopped: chDB allows one process per data path.
// Exit codes: 0 intact, 1 a chain is broken, 2 bad configuration, 3 the log could not be read.
import { ConfigError } from '@citybrain/service-kit';
import { EXIT, runVerifyAudit } from '../audit/cli.js';
import { loadVerifyAuditConfig, type VerifyAuditConfig } from '../audit/config.js';

function configOrExit(): VerifyAuditConfig {
  try {
    return loadVerifyAuditConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return process.exit(EXIT.config);
  }
}

process.exitCode = await runVerifyAudit(configOrExit(), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
