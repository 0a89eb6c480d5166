import type { ActorRole, Alert } from '@citybrain/schemas/events';
import { describe, expect, it, vi } from 'vitest';
import { alertFixture } from '../../test/fixtures.js';
import type { ActionReply, ActionRequest, WallScope } from '../realtime/events.js';
import { AGENCY_ORDER, formRequest, runCommand, selectedAlert } from './commands.js';
import { TEXT } from './i18n.js';
import type { Command } from './keyboard.js';
import { createDutyStore } from './store/duty-store.js';

function dutyConsole(alerts: Alert[], role: ActorRole = 'duty_officer', scope: WallScope = { kind: 'city' }) {
  const sent: ActionRequest[] = [];
  const store = createDutyStore({
    transport: {
      send: (request) => {
        sent.push(request);
        return new Promise<ActionReply>(() => undefined);
      },
      resync: () => new Promise(() => undefined),
    },
  });
  store.getState().applySnapshot({
    scope,
    viewer: { userId: 'u1', role, scope, expiresAt: '2026-11-23T00:00:00.000Z' },
    alerts,
    live: [],
    serverTime: new Date().toISOString(),
    staleAfterMs: 20_000,
  });
  const dom = { focusFilters: vi.fn(), blur: vi.fn() };
  const run = (command: Command) => runCommand(store, command, dom);
  return { store, sent, dom, run };
}

const RED = alertFixture('red', { level: 'red', raisedAt: '2026-11-22T07:00:00.000Z' });
const YELLOW = alertFixture('yellow', { level: 'yellow', raisedAt: '2026-11-22T08:00:00.000Z' });
const BLUE = alertFixture('blue', { level: 'blue', raisedAt: '2026-11-22T08:00:00.000Z' });

describe('commands', () => {
  it('moves through the queue as filtered and opens the selected alert', () => {
    const { store, run } = dutyConsole([BLUE, RED, YELLOW]);
    expect(selectedAlert(store.getState())?.alertId).toBe('red');
    run({ kind: 'move', step: 1 });
    expect(selectedAlert(store.getState())?.alertId).toBe('yellow');
    store.getState().setFilters({ level: 'blue' });
    expect(selectedAlert(store.getState())?.alertId).toBe('blue');
    run({ kind: 'open' });
    expect(store.getState().detailOpen).toBe(true);
  });

  it('closes help, then the form, then the detail', () => {
    const { store, run, dom } = dutyConsole([RED]);
    run({ kind: 'form', form: 'comment' });
    run({ kind: 'help' });
    run({ kind: 'close' });
    expect(store.getState()).toMatchObject({ helpOpen: false, detailOpen: true });
    expect(store.getState().form).not.toBeNull();
    run({ kind: 'close' });
    expect(store.getState().form).toBeNull();
    run({ kind: 'close' });
    expect(store.getState().detailOpen).toBe(false);
    expect(dom.blur).toHaveBeenCalledTimes(3);
  });

  it('acknowledges the selected alert at the version on screen', () => {
    const { run, sent } = dutyConsole([{ ...RED, version: 7 }]);
    run({ kind: 'ack' });
    expect(sent).toEqual([{ alertId: 'red', version: 7, type: 'ack' }]);
  });

  it('keeps acting on the alert it acted on when a more urgent one arrives above it', () => {
    const { store, sent, run } = dutyConsole([YELLOW]);
    // Nothing chosen: the queue's top row is the selection, and the officer acknowledges it.
    run({ kind: 'ack' });
    store.getState().applyAlert({ type: 'raised', alert: RED, ts: RED.updatedAt });
    expect(store.getState().alerts.has('red')).toBe(true);
    expect(selectedAlert(store.getState())?.alertId).toBe('yellow');
    run({ kind: 'form', form: 'resolve' });
    expect(store.getState().form).toMatchObject({ kind: 'resolve', alertId: 'yellow' });
    expect(sent.map((request) => request.alertId)).toEqual(['yellow']);
  });

  it('refuses what the role may not do, without sending', () => {
    const { store, run, sent } = dutyConsole([YELLOW], 'operator');
    run({ kind: 'form', form: 'assign' });
    run({ kind: 'form', form: 'escalate' });
    expect(store.getState().form).toBeNull();
    expect(store.getState().notice?.text).toEqual(TEXT.notPermitted);
    expect(sent).toEqual([]);
  });

  it('resolve needs a note: Enter on an empty note marks the field and sends nothing', () => {
    const { store, run, sent } = dutyConsole([YELLOW], 'operator');
    run({ kind: 'form', form: 'resolve' });
    run({ kind: 'submit' });
    expect(store.getState().form).toMatchObject({ kind: 'resolve', error: true });
    expect(sent).toEqual([]);
    store.getState().updateForm((f) => (f.kind === 'resolve' ? { ...f, note: ' 人群已疏散 ' } : f));
    run({ kind: 'submit' });
    expect(sent).toEqual([{ alertId: 'yellow', version: 1, type: 'resolve', note: '人群已疏散' }]);
  });

  it('assigns the checked agencies, the routed ones checked to begin with', () => {
    const { store, run, sent } = dutyConsole([YELLOW]);
    run({ kind: 'form', form: 'assign' });
    expect(store.getState().form).toMatchObject({ kind: 'assign', agencies: ['police', 'venue_operator'] });
    run({ kind: 'toggleAgency', index: AGENCY_ORDER.indexOf('water') });
    run({ kind: 'toggleAgency', index: AGENCY_ORDER.indexOf('venue_operator') });
    run({ kind: 'toggleAgency', index: 42 });
    run({ kind: 'submit' });
    expect(sent).toEqual([{ alertId: 'yellow', version: 1, type: 'assign', agencies: ['police', 'water'] }]);
  });

  it('escalates one level up by default, or to a chosen level above the current one', () => {
    const { store, run, sent } = dutyConsole([BLUE]);
    run({ kind: 'form', form: 'escalate' });
    expect(store.getState().form).toMatchObject({ kind: 'escalate', level: 'yellow' });
    run({ kind: 'stepLevel', step: -1 });
    expect(store.getState().form).toMatchObject({ level: 'yellow' }); // never down to the current level
    run({ kind: 'stepLevel', step: 1 });
    run({ kind: 'stepLevel', step: 1 });
    run({ kind: 'stepLevel', step: 1 });
    expect(store.getState().form).toMatchObject({ level: 'red' });
    run({ kind: 'submit' });
    expect(sent).toEqual([{ alertId: 'blue', version: 1, type: 'escalate', level: 'red' }]);
  });

  it("reports an agency's own progress, and only its own", () => {
    const police = dutyConsole([YELLOW], 'agency', { kind: 'agency', agency: 'police' });
    police.run({ kind: 'progress', progress: 'on_scene' });
    police.run({ kind: 'progress', progress: 'done', agency: 'venue_operator' });
    expect(police.sent).toEqual([
      { alertId: 'yellow', version: 1, type: 'agency_update', agency: 'police', progress: 'on_scene' },
    ]);
    const officer = dutyConsole([YELLOW]);
    officer.run({ kind: 'progress', progress: 'done', agency: 'venue_operator' });
    expect(officer.sent[0]).toMatchObject({ agency: 'venue_operator', progress: 'done' });
  });

  it('hands focus moves to the page', () => {
    const { run, dom, store } = dutyConsole([]);
    run({ kind: 'focusFilters' });
    expect(dom.focusFilters).toHaveBeenCalled();
    run({ kind: 'lang' });
    expect(store.getState().lang).toBe('en');
  });

  it('builds requests from forms', () => {
    expect(formRequest({ kind: 'comment', alertId: 'a', version: 2, note: '  ' })).toBe('empty');
    expect(formRequest({ kind: 'assign', alertId: 'a', version: 2, agencies: [] })).toBe('empty');
    expect(formRequest({ kind: 'escalate', alertId: 'a', version: 2, level: 'red' })).toEqual({
      alertId: 'a',
      version: 2,
      type: 'escalate',
      level: 'red',
    });
  });
});
