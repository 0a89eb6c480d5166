// Joint command on the wire: a real web server (Socket.IO gateway, accounts, Kafka feed and action
// producer; no pages) with the mock Kafka cluster and chDB. Every refusal path of the handshake and of
// client events, scope on the wire for district and agency accounts, and the action path to
// city.alert-actions.v1 with actor and role taken from the session.
import { silentLogger, uniqueName, waitFor } from '@citybrain/devstack/testing';
import type { SharedClickHouse } from '@citybrain/schemas/clickhouse';
import { alertAction, type Alert, type AlertAction, type AlertEvent } from '@citybrain/schemas/events';
import { TOPICS } from '@citybrain/schemas/topics';
import type { Consumer, Producer } from 'kafkajs';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ActionReply,
  ActionRequest,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../src/realtime/events.js';
import type { WireSnapshot } from '../src/realtime/live-wire.js';
import { revokeDisplay } from '../src/server/auth/accounts.js';
import { start, type RunningWeb } from '../src/server/start.js';
import { seedAccounts } from './auth-fixtures.js';
import { FUTIAN, NANSHAN, alertEventFixture, alertFixture } from './fixtures.js';
import { startWebTestParts, type Cleanup } from './web-test-parts.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Session {
  client: Client;
  snapshot: Promise<WireSnapshot>;
  /** alertId@version of every alert event received. */
  alerts: string[];
}

describe('joint command over Socket.IO', { timeout: 90_000 }, () => {
  let clickhouse: SharedClickHouse;
  let web: RunningWeb;
  let producer: Producer;
  let actionsConsumer: Consumer;
  const published: AlertAction[] = [];
  const clients: Client[] = [];
  const cleanup: Cleanup[] = [];
  let accounts: Awaited<ReturnType<typeof seedAccounts>>;
  let usersFile = '';

  const alerts = {
    nanshan: alertFixture('js-nanshan-yellow', { district: NANSHAN }),
    futian: { ...alertFixture('js-futian-yellow', { district: FUTIAN }), agencies: ['traffic_police'] },
    futianRed: {
      ...alertFixture('js-futian-red', { district: FUTIAN, level: 'red' }),
      agencies: ['emergency'],
    },
  } satisfies Record<string, Alert>;

  beforeAll(async () => {
    const parts = await startWebTestParts(
      'joint-test',
      { WEB_ACTIONS_BURST: '12', WEB_ACTIONS_PER_SECOND: '0.5' },
      cleanup,
    );
    const { config, kafka } = parts;
    ({ clickhouse, producer } = parts);
    usersFile = config.auth.usersFile;
    accounts = await seedAccounts(config.auth, [
      { id: 'ops-1', role: 'operator' },
      { id: 'duty-1', role: 'duty_officer' },
      { id: 'nanshan-center', role: 'district', district: NANSHAN },
      { id: 'police-desk', role: 'agency', agency: 'police' },
      { id: 'traffic-desk', role: 'agency', agency: 'traffic_police' },
      { id: 'burst-1', role: 'operator' },
    ]);
    for (const alert of Object.values(alerts)) {
      const event: AlertEvent = alertEventFixture(alert);
      await producer.send({
        topic: TOPICS.alerts,
        messages: [{ key: alert.alertId, value: JSON.stringify(event) }],
      });
    }
    actionsConsumer = kafka.consumer({ groupId: uniqueName('joint-actions'), maxWaitTimeInMs: 100 });
    await actionsConsumer.connect();
    await actionsConsumer.subscribe({ topic: TOPICS.alertActions, fromBeginning: true });
    await actionsConsumer.run({
      eachMessage: ({ message }) => {
        published.push(alertAction.parse(JSON.parse(String(message.value))));
        return Promise.resolve();
      },
    });
    cleanup.push(() => actionsConsumer.disconnect());
    web = await start(config, { logger: silentLogger(), kafka, clickhouse: clickhouse.client, pages: false });
    cleanup.push(() => web.stop());
    // The feed rebuilds the picture from the topic's history.
    const ops = open(await accounts.sessionToken('ops-1'));
    await waitFor(
      async () => (await resync(ops.client)).alerts.length,
      (n) => n === 3,
      { what: 'the three alerts in the picture', timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    for (const step of cleanup.reverse()) await step();
  });

  function open(token: string | undefined, scope?: string): Session {
    const client: Client = connect(web.url, {
      auth: { ...(token !== undefined ? { token } : {}), ...(scope !== undefined ? { scope } : {}) },
      transports: ['websocket'],
      reconnection: false,
    });
    clients.push(client);
    const received: string[] = [];
    client.on('alert', (event) => received.push(`${event.alert.alertId}@${String(event.alert.version)}`));
    // A refused handshake fails the snapshot with its reason instead of leaving the test waiting.
    const snapshot = new Promise<WireSnapshot>((resolve, reject) => {
      client.once('snapshot', resolve);
      client.once('connect_error', (error: Error & { data?: { reason?: unknown } }) =>
        reject(new Error(`handshake refused (${String(error.data?.reason)}): ${error.message}`)),
      );
    });
    snapshot.catch(() => undefined);
    return { client, snapshot, alerts: received };
  }

  const resync = (client: Client) => new Promise<WireSnapshot>((resolve) => client.emit('resync', resolve));
  const act = (client: Client, request: unknown) =>
    new Promise<ActionReply>((resolve) => {
      client.emit('action', request as ActionRequest, resolve);
    });
  const refusedReason = (token: string | undefined, scope?: string) =>
    new Promise<{ message: string; reason: unknown }>((resolve) => {
      const { client } = open(token, scope);
      client.once('connect_error', (error: Error & { data?: { reason?: unknown } }) =>
        resolve({ message: error.message, reason: error.data?.reason }),
      );
    });
  const refusals = async (reason: string): Promise<number> => {
    const text = await web.metrics.getSingleMetricAsString('citybrain_web_socket_refused_total');
    const line = text.split('\n').find((l) => l.includes(`reason="${reason}"`));
    return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  it('refuses handshakes without a valid token, with the reason', async () => {
    expect(await refusedReason(undefined)).toMatchObject({ reason: 'missing', message: /sign in/ });
    expect(await refusedReason('garbage')).toMatchObject({ reason: 'malformed' });
    const good = await accounts.sessionToken('ops-1');
    expect(await refusedReason(`${good.slice(0, -6)}AAAAAA`)).toMatchObject({ reason: 'bad_signature' });
    const display = await accounts.displayToken('revoked-wall', 'city');
    revokeDisplay(usersFile, 'revoked-wall');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the directory re-reads at most once a second
    expect(await refusedReason(display)).toMatchObject({ reason: 'revoked' });
    expect(await refusals('missing')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a scope wider than the token permits', async () => {
    const nanshan = await accounts.sessionToken('nanshan-center');
    expect(await refusedReason(nanshan, 'city')).toMatchObject({ reason: 'scope' });
    expect(await refusedReason(nanshan, FUTIAN)).toMatchObject({ reason: 'scope' });
    const police = await accounts.sessionToken('police-desk');
    expect(await refusedReason(police, 'agency:water')).toMatchObject({ reason: 'scope' });
    expect(await refusedReason(police, 'city')).toMatchObject({ reason: 'scope' });
  });

  it('sends a district its district and red alerts only, and an agency only its alerts', async () => {
    const nanshan = open(await accounts.sessionToken('nanshan-center'));
    const police = open(await accounts.sessionToken('police-desk'));
    const traffic = open(await accounts.sessionToken('traffic-desk'));
    const nanshanSnap = await nanshan.snapshot;
    expect(nanshanSnap.viewer).toMatchObject({ userId: 'nanshan-center', role: 'district' });
    expect(nanshanSnap.alerts.map((a) => a.alertId).sort()).toEqual(['js-futian-red', 'js-nanshan-yellow']);
    expect((await police.snapshot).alerts.map((a) => a.alertId)).toEqual(['js-nanshan-yellow']);
    expect((await traffic.snapshot).alerts.map((a) => a.alertId)).toEqual(['js-futian-yellow']);

    // Deltas: a new Futian alert for the police reaches the police desk, never Nanshan's center.
    const later = {
      ...alertFixture('js-futian-police', { district: FUTIAN }),
      agencies: ['police' as const],
    };
    await producer.send({
      topic: TOPICS.alerts,
      messages: [{ key: later.alertId, value: JSON.stringify(alertEventFixture(later)) }],
    });
    await waitFor(
      () => police.alerts,
      (a) => a.includes('js-futian-police@1'),
      { what: 'the police desk to get its alert' },
    );
    // Anything meant for Nanshan would have arrived by now: the same emit reaches every room at once.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(nanshan.alerts).toEqual([]);
    expect(traffic.alerts).toEqual([]);
  });

  it("feeds a district center's or an agency's system by a read-only token", async () => {
    const nanshanFeed = await accounts.displayToken('nanshan-feed', NANSHAN);
    const trafficFeed = await accounts.displayToken('traffic-feed', 'agency:traffic_police');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the directory re-reads at most once a second
    const district = open(nanshanFeed);
    const agency = open(trafficFeed);
    const [districtSnap, agencySnap] = await Promise.all([district.snapshot, agency.snapshot]);
    expect(districtSnap.viewer).toMatchObject({ role: 'wall', scope: { kind: 'district', adcode: NANSHAN } });
    expect(districtSnap.alerts.map((a) => a.alertId).sort()).toEqual(['js-futian-red', 'js-nanshan-yellow']);
    expect(agencySnap.alerts.map((a) => a.alertId)).toEqual(['js-futian-yellow']);
    // Read-only: a system token cannot act.
    const reply = await act(agency.client, {
      alertId: alerts.futian.alertId,
      version: 1,
      type: 'comment',
      note: 'x',
    });
    expect(reply).toMatchObject({ ok: false, reason: 'forbidden' });
  });

  it('publishes an action with the actor and role from the session', async () => {
    const ops = open(await accounts.sessionToken('ops-1'));
    await ops.snapshot;
    const reply = await act(ops.client, {
      alertId: alerts.nanshan.alertId,
      version: 1,
      type: 'ack',
    });
    expect(reply).toMatchObject({ ok: true });
    const actionId = reply.ok ? reply.actionId : '';
    const [action] = await waitFor(
      () => published.filter((a) => a.id === actionId),
      (list) => list.length === 1,
      { what: 'the action on city.alert-actions.v1' },
    );
    expect(action).toMatchObject({
      alertId: alerts.nanshan.alertId,
      version: 1,
      type: 'ack',
      actor: 'ops-1',
      role: 'operator',
    });
  });

  it('refuses what a role, scope, version or shape does not allow', async () => {
    const ops = open(await accounts.sessionToken('ops-1'));
    const nanshan = open(await accounts.sessionToken('nanshan-center'));
    const police = open(await accounts.sessionToken('police-desk'));
    const wallToken = await accounts.displayToken('lobby', 'city');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the directory re-reads at most once a second
    const wall = open(wallToken);
    await Promise.all([ops.snapshot, nanshan.snapshot, police.snapshot, wall.snapshot]);
    const base = { alertId: alerts.futian.alertId, version: 1 };
    const reasons = {
      staleVersion: await act(ops.client, { ...base, version: 7, type: 'comment', note: 'x' }),
      unknown: await act(ops.client, { alertId: 'no-such-alert', version: 1, type: 'ack' }),
      // Futian's alert does not exist for Nanshan's center: same answer as an unknown id.
      otherDistrict: await act(nanshan.client, { ...base, type: 'ack' }),
      // Red alerts are visible city-wide, but a district acts only on its own.
      redElsewhere: await act(nanshan.client, { alertId: alerts.futianRed.alertId, version: 1, type: 'ack' }),
      wallActs: await act(wall.client, { ...base, type: 'ack' }),
      operatorAssigns: await act(ops.client, { ...base, type: 'assign', agencies: ['police'] }),
      resolveWithoutNote: await act(ops.client, { ...base, type: 'resolve' }),
      smuggledActor: await act(ops.client, { ...base, type: 'ack', actor: 'duty-1', role: 'admin' }),
      wrongTypes: await act(ops.client, { ...base, version: '1', type: 'ack' }),
      oversized: await act(ops.client, { ...base, type: 'comment', note: 'x'.repeat(10_000) }),
      otherAgency: await act(police.client, {
        alertId: alerts.nanshan.alertId,
        version: 1,
        type: 'agency_update',
        agency: 'venue_operator',
        progress: 'on_scene',
      }),
    };
    const reasonOf = (reply: ActionReply) => (reply.ok ? 'accepted' : reply.reason);
    expect(Object.fromEntries(Object.entries(reasons).map(([k, v]) => [k, reasonOf(v)]))).toEqual({
      staleVersion: 'stale_version',
      unknown: 'unknown_alert',
      otherDistrict: 'unknown_alert',
      redElsewhere: 'forbidden',
      wallActs: 'forbidden',
      operatorAssigns: 'forbidden',
      resolveWithoutNote: 'invalid',
      smuggledActor: 'invalid',
      wrongTypes: 'invalid',
      oversized: 'invalid',
      otherAgency: 'forbidden',
    });
    expect(JSON.stringify(reasons.oversized)).toMatch(/over 8192 bytes/);
    // None of them reached Kafka.
    expect(published.filter((a) => a.alertId === alerts.futian.alertId)).toEqual([]);
  });

  it('lets an agency report its own part, defaulting to its own agency', async () => {
    const police = open(await accounts.sessionToken('police-desk'));
    await police.snapshot;
    const reply = await act(police.client, {
      alertId: alerts.nanshan.alertId,
      version: 1,
      type: 'agency_update',
      progress: 'on_scene',
    });
    // The alert is still at version 1 here: no streams in this test applies the earlier ack.
    expect(reply).toMatchObject({ ok: true });
    await waitFor(
      () => published.filter((a) => a.type === 'agency_update'),
      (list) => list.length === 1,
    );
    expect(published.find((a) => a.type === 'agency_update')).toMatchObject({
      actor: 'police-desk',
      role: 'agency',
      agency: 'police',
      progress: 'on_scene',
    });
  });

  it('rate-limits actions per user', async () => {
    const burst = open(await accounts.sessionToken('burst-1'));
    await burst.snapshot;
    const replies: ActionReply[] = [];
    for (let i = 0; i < 15; i++)
      replies.push(await act(burst.client, { alertId: 'no-such-alert', version: 1, type: 'ack' }));
    const reasons = replies.map((r) => (r.ok ? 'accepted' : r.reason));
    expect(reasons.slice(0, 12)).toEqual(Array(12).fill('unknown_alert'));
    expect(reasons.slice(12)).toEqual(Array(3).fill('rate_limited'));
  });

  it('refuses and counts unknown events and oversized messages', async () => {
    const ops = open(await accounts.sessionToken('ops-1'));
    await ops.snapshot;
    const before = await refusals('unknown_event');
    (ops.client as unknown as Socket).emit('drop_tables', { all: true });
    await waitFor(
      () => refusals('unknown_event'),
      (n) => n === before + 1,
      { what: 'the unknown event to be counted' },
    );
    expect(ops.client.connected).toBe(true);
    // Over Socket.IO's 64 KiB message limit: the server drops the connection rather than parse it.
    const dropped = new Promise<string>((resolve) => ops.client.once('disconnect', resolve));
    ops.client.emit('action', { alertId: 'x'.repeat(70_000), version: 1, type: 'ack' }, () => undefined);
    expect(await dropped).toMatch(/transport close|transport error/);
  });

  it('ends a connection when its token expires', async () => {
    const shortLived = await accounts.sessionToken('ops-1', 2_000);
    const session = open(shortLived);
    await session.snapshot;
    const reason = await new Promise<string>((resolve) => session.client.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
  });
});
