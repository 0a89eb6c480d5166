import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@citybrain/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVerifyAuditConfig } from './config.js';

describe('verify-audit configuration', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'citybrain-verify-config-'));
    mkdirSync(join(root, 'data', 'chdb'), { recursive: true });
    mkdirSync(join(root, 'elsewhere', 'chdb'), { recursive: true });
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("defaults to the demo's ./data/chdb where npm was started, not the workspace folder", () => {
    expect(loadVerifyAuditConfig({ INIT_CWD: root })).toEqual({
      clickhouse: { kind: 'chdb', path: join(root, 'data', 'chdb') },
      alertsPerPage: 500,
    });
    expect(loadVerifyAuditConfig({ INIT_CWD: root, DATA_DIR: 'elsewhere' }).clickhouse).toEqual({
      kind: 'chdb',
      path: join(root, 'elsewhere', 'chdb'),
    });
  });

  it('takes a relative CHDB_PATH from the starting directory', () => {
    const config = loadVerifyAuditConfig({
      INIT_CWD: root,
      CHDB_PATH: 'elsewhere/chdb',
      VERIFY_AUDIT_ALERTS_PER_PAGE: '50',
    });
    expect(config).toEqual({
      clickhouse: { kind: 'chdb', path: join(root, 'elsewhere', 'chdb') },
      alertsPerPage: 50,
    });
  });

  it('uses a ClickHouse server with its credentials when CLICKHOUSE_URL is set', () => {
    expect(
      loadVerifyAuditConfig({
        CLICKHOUSE_URL: 'http://ch:8123',
        CLICKHOUSE_USER: 'auditor',
        CLICKHOUSE_PASSWORD: 's',
      }).clickhouse,
    ).toEqual({ kind: 'server', url: 'http://ch:8123', username: 'auditor', password: 's' });
  });

  it('names the bad variable', () => {
    expect(() => loadVerifyAuditConfig({ CLICKHOUSE_URL: 'ftp://ch' })).toThrow(/CLICKHOUSE_URL:/);
    expect(() => loadVerifyAuditConfig({ INIT_CWD: root, VERIFY_AUDIT_ALERTS_PER_PAGE: '0' })).toThrow(
      /VERIFY_AUDIT_ALERTS_PER_PAGE:/,
    );
    expect(() => loadVerifyAuditConfig({ INIT_CWD: root, CHDB_PATH: 'missing' })).toThrow(ConfigError);
    expect(() => loadVerifyAuditConfig({ INIT_CWD: join(root, 'elsewhere') })).toThrow(
      /CHDB_PATH: no chDB data directory at .*elsewhere\/data\/chdb \(the default/,
    );
  });
});
