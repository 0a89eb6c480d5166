import type { ActorRole, Alert } from '@citybrain/schemas/events';
import { describe, expect, it, vi } from 'vitest';
import { FUTIAN, NANSHAN, alertEventFixture, alertFixture } from '../../../test/fixtures.js';
import type {
  ActionReply,
  ActionRequest,
  SessionInfo,
  WallScope,
  WallSnapshot,
} from '../../realtime/events.js';
import { TEXT } from '../i18n.js';
import { TransportError, type DutyTransport } from '../transport.js';
import { createDutyStore, type DutyStore } from './duty-store.js';

const T0 = Date.parse('2026-11-22T08:00:00.000Z');

const viewer = (role: ActorRole = 'duty_officer', scope: WallScope = { kind: 'city' }): SessionInfo => ({
  userId: `${role}-1`,
  role,
  scope,
  expiresAt: '2026-11-22T20:00:00.000Z',
});

const snapshot = (alerts: Alert[], over: Partial<WallSnapshot> = {}): WallSnapshot => ({
  scope: { kind: 'city' },
  viewer: viewer(),
  alerts,
  live: [],
  serverTime: '2026-11-22T08:00:02.000Z',
  staleAfterMs: 20_000,
  ...over,
});

/** A gateway stand-in: every send waits until the test answers it. */
function fakeTransport() {
  const sent: { request: ActionRequest; answer: (reply: ActionReply) => void; fail: () => void }[] = [];
  const resyncs: ((snapshot: WallSnapshot) => void)[] = [];
  const transport: DutyTransport = {
    send: (request) =>
      new Promise<ActionReply>((resolve, reject) =>
        sent.push({ request, answer: resolve, fail: () => reject(new TransportError('timeout')) }),
      ),
    resync: () => new Promise<WallSnapshot>((resolve) => resyncs.push(resolve)),
  };
  return { transport, sent, resyncs };
}

function liveStore(alerts: Alert[], role: ActorRole = 'duty_officer') {
  const fake = fakeTransport();
  const store = createDutyStore({ transport: fake.transport, now: () => T0 });
  store.getState().applySnapshot(snapshot(alerts, { viewer: viewer(role) }));
  return { store, ...fake };
}

const next = (alert: Alert, over: Partial<Alert>): Alert => ({
  ...alert,
  version: alert.version + 1,
  ...over,
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const pendingOf = (store: DutyStore, alertId: string) => store.getState().pending.get(alertId);

describe('duty store: alerts, connection, session', () => {
  it('takes the picture and the viewer from a snapshot and goes live', () => {
    const store = createDutyStore({ now: () => T0 });
    expect(store.getState().status).toBe('connecting');
    store.getState().applySnapshot(snapshot([alertFixture('a1')]));
    const state = store.getState();
    expect([...state.alerts.keys()]).toEqual(['a1']);
    expect(state.viewer?.role).toBe('duty_officer');
    expect(state.status).toBe('live');
    expect(state.clockSkewMs).toBe(2_000);
  });

  it('remembers a refused session until a snapshot proves a new one', () => {
    const store = createDutyStore();
    store.getState().setSignedOut('expired');
    expect(store.getState().signedOut).toBe('expired');
    store.getState().applySnapshot(snapshot([]));
    expect(store.getState().signedOut).toBeNull();
  });

  it('keeps the highest version, drops closed alerts and never resurrects them', () => {
    const store = createDutyStore();
    const { applyAlert } = store.getState();
    applyAlert(alertEventFixture(alertFixture('a', { version: 2, level: 'orange' })));
    applyAlert(alertEventFixture(alertFixture('a', { version: 1, level: 'red' })));
    expect(store.getState().alerts.get('a')?.level).toBe('orange');
    applyAlert(alertEventFixture({ ...alertFixture('a', { version: 3 }), status: 'resolved' }, 'updated'));
    expect(store.getState().alerts.size).toBe(0);
    applyAlert(alertEventFixture(alertFixture('a', { version: 2 })));
    expect(store.getState().alerts.size).toBe(0);
  });

  it("drops an alert that leaves the viewer's scope", () => {
    const store = createDutyStore();
    store
      .getState()
      .applySnapshot(snapshot([], { viewer: viewer('district', { kind: 'district', adcode: NANSHAN }) }));
    const red = alertFixture('red-futian', { district: FUTIAN, level: 'red' });
    store.getState().applyAlert(alertEventFixture(red));
    expect(store.getState().alerts.has('red-futian')).toBe(true);
    store.getState().applyAlert(alertEventFixture(next(red, { level: 'orange' }), 'updated'));
    expect(store.getState().alerts.has('red-futian')).toBe(false);
    store.getState().applyAlert(alertEventFixture(alertFixture('x'), 'raised'));
    store.getState().removeAlert('x');
    expect(store.getState().alerts.size).toBe(0);
  });
});

describe('duty store: ui', () => {
  it('abandons a form when the selection moves to another alert, and with the detail', () => {
    const store = createDutyStore();
    const { openForm, select, setDetailOpen } = store.getState();
    openForm({ kind: 'comment', alertId: 'a1', version: 1, note: 'x' });
    expect(store.getState().detailOpen).toBe(true);
    select('a1', 0);
    expect(store.getState().form).not.toBeNull();
    select('a2', 1);
    expect(store.getState().form).toBeNull();
    expect(store.getState().selectedIndex).toBe(1);
    openForm({ kind: 'comment', alertId: 'a2', version: 1, note: '' });
    setDetailOpen(false);
    expect(store.getState().form).toBeNull();
  });

  it('patches and clears filters', () => {
    const store = createDutyStore();
    store.getState().setFilters({ level: 'red' });
    store.getState().setFilters({ district: NANSHAN });
    expect(store.getState().filters).toMatchObject({ level: 'red', district: NANSHAN, status: 'all' });
    store.getState().clearFilters();
    expect(store.getState().filters.level).toBe('all');
  });
});

describe('duty store: actions', () => {
  it('sends a permitted action, waits for the reply, and is done when the new version carries it', async () => {
    const a1 = alertFixture('a1');
    const { store, sent } = liveStore([a1]);
    const submitted = store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    expect(pendingOf(store, 'a1')?.state).toBe('sending');
    expect(sent.map((s) => s.request)).toEqual([{ alertId: 'a1', version: 1, type: 'ack' }]);
    // A second press while the first is in flight sends nothing.
    await store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    expect(sent).toHaveLength(1);
    sent[0]?.answer({ ok: true, actionId: 'x1' });
    await submitted;
    expect(pendingOf(store, 'a1')?.state).toBe('accepted');
    store.getState().applyAlert(alertEventFixture(next(a1, { status: 'acknowledged' }), 'updated'));
    expect(pendingOf(store, 'a1')?.state).toBe('done');
  });

  it('is done when the new version arrives before the reply', async () => {
    const a1 = alertFixture('a1');
    const { store, sent } = liveStore([a1]);
    const submitted = store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    store.getState().applyAlert(alertEventFixture(next(a1, { status: 'acknowledged' }), 'updated'));
    expect(pendingOf(store, 'a1')?.state).toBe('sending');
    sent[0]?.answer({ ok: true, actionId: 'x1' });
    await submitted;
    expect(pendingOf(store, 'a1')?.state).toBe('done');
  });

  it('closes the form and says so once a resolve shows on the alert', async () => {
    const a1 = alertFixture('a1');
    const { store, sent } = liveStore([a1]);
    store.getState().openForm({ kind: 'resolve', alertId: 'a1', version: 1, note: '已疏散' });
    const submitted = store
      .getState()
      .submitAction({ alertId: 'a1', version: 1, type: 'resolve', note: '已疏散' });
    sent[0]?.answer({ ok: true, actionId: 'x1' });
    await submitted;
    expect(store.getState().form).not.toBeNull(); // kept until the action shows, so a note is never lost
    store.getState().applyAlert(alertEventFixture(next(a1, { status: 'resolved' }), 'updated'));
    expect(store.getState().alerts.has('a1')).toBe(false);
    expect(pendingOf(store, 'a1')?.state).toBe('done');
    expect(store.getState().form).toBeNull();
    expect(store.getState().notice?.text).toEqual(TEXT.resolved);
  });

  it('on a stale refusal says "review again", resyncs and lets the same form be sent again', async () => {
    const a1 = alertFixture('a1');
    const { store, sent, resyncs } = liveStore([a1]);
    store.getState().openForm({ kind: 'comment', alertId: 'a1', version: 1, note: '现场人多' });
    const submitted = store
      .getState()
      .submitAction({ alertId: 'a1', version: 1, type: 'comment', note: '现场人多' });
    sent[0]?.answer({ ok: false, reason: 'stale_version', detail: 'the alert is at 2' });
    await flush();
    expect(pendingOf(store, 'a1')).toMatchObject({ state: 'refused', reason: 'stale_version' });
    expect(store.getState().notice).toMatchObject({ tone: 'warn', text: TEXT.staleVersion });
    expect(resyncs).toHaveLength(1);
    resyncs[0]?.(snapshot([next(a1, { level: 'orange' })]));
    await submitted;
    expect(store.getState().alerts.get('a1')?.version).toBe(2);
    expect(store.getState().form).toMatchObject({ kind: 'comment', version: 2, note: '现场人多' });
  });

  it('learns it lost a race when the next version does not carry its action', async () => {
    const a1 = alertFixture('a1');
    const { store, sent } = liveStore([a1]);
    const submitted = store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    sent[0]?.answer({ ok: true, actionId: 'x1' });
    await submitted;
    store.getState().applyAlert(alertEventFixture(next(a1, { level: 'orange' }), 'updated'));
    expect(pendingOf(store, 'a1')?.state).toBe('superseded');
    expect(store.getState().notice?.text).toEqual(TEXT.lostRace);
  });

  it('shows other refusals and transport failures', async () => {
    const { store, sent } = liveStore([alertFixture('a1'), alertFixture('a2')]);
    const one = store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    sent[0]?.answer({ ok: false, reason: 'rate_limited', detail: 'slow down' });
    await one;
    expect(store.getState().notice).toMatchObject({ tone: 'error', detail: 'slow down' });
    expect(store.getState().notice?.text.en).toMatch(/Too many/);
    const two = store.getState().submitAction({ alertId: 'a2', version: 1, type: 'ack' });
    sent[1]?.fail();
    await two;
    expect(pendingOf(store, 'a2')).toMatchObject({ state: 'failed', reason: 'timeout' });
    expect(store.getState().notice?.text).toEqual(TEXT.noReply);
  });

  it('refuses locally what the permission table forbids or the form lacks, sending nothing', async () => {
    const operator = liveStore([alertFixture('a1')], 'operator');
    await operator.store
      .getState()
      .submitAction({ alertId: 'a1', version: 1, type: 'assign', agencies: ['water'] });
    expect(operator.store.getState().notice?.text).toEqual(TEXT.notPermitted);
    await operator.store.getState().submitAction({ alertId: 'a1', version: 1, type: 'resolve', note: ' ' });
    expect(operator.store.getState().notice?.text).toEqual(TEXT.noteRequired);
    expect(operator.sent).toHaveLength(0);

    const wall = liveStore([alertFixture('a1')], 'wall');
    await wall.store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    expect(wall.sent).toHaveLength(0);
  });

  it('sends nothing while the connection is down', async () => {
    const { store, sent } = liveStore([alertFixture('a1')]);
    store.getState().setStatus('reconnecting');
    await store.getState().submitAction({ alertId: 'a1', version: 1, type: 'ack' });
    expect(sent).toHaveLength(0);
    expect(store.getState().notice?.text).toEqual(TEXT.offline);
  });

  it('settles actions in flight against a snapshot after a reconnect', async () => {
    const a1 = alertFixture('a1');
    const a2 = alertFixture('a2');
    const { store, sent } = liveStore([a1, a2]);
    const resolving = store
      .getState()
      .submitAction({ alertId: 'a1', version: 1, type: 'resolve', note: 'ok' });
    const acking = store.getState().submitAction({ alertId: 'a2', version: 1, type: 'ack' });
    for (const s of sent) s.answer({ ok: true, actionId: s.request.alertId });
    await Promise.all([resolving, acking]);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().applySnapshot(snapshot([next(a2, { status: 'acknowledged' })]));
    unsubscribe();
    expect(pendingOf(store, 'a1')?.state).toBe('done');
    expect(pendingOf(store, 'a2')?.state).toBe('done');
    expect(listener).toHaveBeenCalled();
  });
});
