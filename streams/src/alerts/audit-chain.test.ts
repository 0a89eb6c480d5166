import { describe, expect, it } from 'vitest';
import { AuditChain, verifyChain, type AuditFields } from './audit-chain.js';
import { must } from '../../test/support/must.js';

const fields = (version: number, alertId = 'a1'): AuditFields => ({
  event_id: `${alertId}@${version}`,
  alert_id: alertId,
  version,
  type: version === 1 ? 'raised' : 'updated',
  actor: 'streams',
  role: 'system',
  note: '',
  ts: `2026-04-05 02:0${version}:00.000`,
  state: JSON.stringify({ version }),
});

describe('audit hash chain', () => {
  it('chains each alert separately, starting from an empty previous hash', () => {
    const chain = new AuditChain();
    const a1 = chain.append(fields(1));
    const b1 = chain.append(fields(1, 'b1'));
    const a2 = chain.append(fields(2));
    expect(a1.prev_hash).toBe('');
    expect(b1.prev_hash).toBe('');
    expect(a2.prev_hash).toBe(a1.hash);
    expect(a1.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyChain([a1, a2])).toBe(true);
  });

  it('detects an edited or missing row', () => {
    const chain = new AuditChain();
    const rows = [1, 2, 3].map((v) => chain.append(fields(v)));
    expect(verifyChain([must(rows[0]), { ...must(rows[1]), note: 'edited' }, must(rows[2])])).toBe(false);
    expect(verifyChain([must(rows[0]), must(rows[2])])).toBe(false);
  });

  it('continues a restored chain', () => {
    const first = new AuditChain();
    const a1 = first.append(fields(1));
    const second = new AuditChain();
    second.restore('a1', a1.hash);
    expect(verifyChain([a1, second.append(fields(2))])).toBe(true);
  });
});
