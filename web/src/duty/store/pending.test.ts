import type { Alert } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { alertFixture } from '../../../test/fixtures.js';
import type { ActionRequest } from '../../realtime/events.js';
import {
  actionReflected,
  isInFlight,
  started,
  withAlert,
  withAlertGone,
  withFailure,
  withReply,
} from './pending.js';

const a1 = alertFixture('a1', { version: 4 });
const v5 = (over: Partial<Alert>): Alert => ({ ...a1, version: 5, ...over });
const request = (over: Partial<ActionRequest>): ActionRequest => ({
  alertId: 'a1',
  version: 4,
  type: 'ack',
  ...over,
});

describe('actionReflected', () => {
  it("reads each action's effect off the alert", () => {
    expect(actionReflected(request({}), v5({ status: 'acknowledged' }))).toBe(true);
    expect(actionReflected(request({}), v5({}))).toBe(false);
    const assign = request({ type: 'assign', agencies: ['water'] });
    expect(actionReflected(assign, v5({ status: 'assigned', agencies: ['police', 'water'] }))).toBe(true);
    expect(actionReflected(assign, v5({ status: 'assigned' }))).toBe(false);
    expect(actionReflected(request({ type: 'escalate', level: 'red' }), v5({ level: 'orange' }))).toBe(false);
    expect(actionReflected(request({ type: 'escalate', level: 'red' }), v5({ level: 'red' }))).toBe(true);
    expect(actionReflected(request({ type: 'resolve', note: 'x' }), v5({ status: 'resolved' }))).toBe(true);
    expect(actionReflected(request({ type: 'comment', note: 'x' }), v5({}))).toBe(true);
    const update = request({ type: 'agency_update', agency: 'police', progress: 'on_scene' });
    expect(actionReflected(update, v5({}))).toBe(false);
    expect(
      actionReflected(update, v5({ agencyProgress: { police: { state: 'on_scene', at: a1.updatedAt } } })),
    ).toBe(true);
  });
});

describe('pending transitions', () => {
  const acked = v5({ status: 'acknowledged' });
  const other = v5({ level: 'orange' });

  it('reply first, then the version that carries it: done', () => {
    const accepted = withReply(started(request({})), { ok: true, actionId: 'x' });
    expect(accepted.state).toBe('accepted');
    expect(isInFlight(accepted)).toBe(true);
    expect(withAlert(accepted, a1)).toBe(accepted); // not newer
    expect(withAlert(accepted, acked).state).toBe('done');
    expect(withAlert(accepted, other)).toMatchObject({ state: 'superseded', reason: 'stale_version' });
  });

  it('version first, then the reply', () => {
    const sending = started(request({}));
    expect(withReply(withAlert(sending, acked), { ok: true, actionId: 'x' }).state).toBe('done');
    expect(withReply(withAlert(sending, other), { ok: true, actionId: 'x' }).state).toBe('superseded');
    // Only the first newer version decides.
    expect(withAlert(withAlert(sending, other), { ...acked, version: 6 }).overtaken).toBe('stale_version');
  });

  it('refusals and failures end it; late news changes nothing', () => {
    const refused = withReply(started(request({})), { ok: false, reason: 'forbidden', detail: 'no' });
    expect(refused).toMatchObject({ state: 'refused', reason: 'forbidden', detail: 'no' });
    expect(isInFlight(refused)).toBe(false);
    expect(withAlert(refused, acked)).toBe(refused);
    const failed = withFailure(started(request({})), 'timeout');
    expect(failed).toMatchObject({ state: 'failed', reason: 'timeout' });
    expect(withReply(failed, { ok: true, actionId: 'x' })).toBe(failed);
  });

  it('an alert gone from a snapshot completes a resolve and supersedes anything else', () => {
    const accept = (r: ActionRequest) => withReply(started(r), { ok: true, actionId: 'x' });
    expect(withAlertGone(accept(request({ type: 'resolve', note: 'x' }))).state).toBe('done');
    expect(withAlertGone(accept(request({})))).toMatchObject({ state: 'superseded', reason: 'closed' });
    expect(withReply(withAlertGone(started(request({}))), { ok: true, actionId: 'x' })).toMatchObject({
      state: 'superseded',
      reason: 'closed',
    });
  });
});
