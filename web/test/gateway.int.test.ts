// The Socket.IO gateway against real socket.io-client connections on a port-0 server (STYLE §17): snapshot
// on connect, deltas by room, district scoping, and connection-state recovery after a forced disconnect.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, waitFor } from '@citybrain/devstack/testing';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  ClientToServerEvents,
  Feed,
  HandshakeAuth,
  ServerToClientEvents,
} from '../src/realtime/events.js';
import { fromWire, type WireLiveAggregate, type WireSnapshot } from '../src/realtime/live-wire.js';
import { CityPicture } from '../src/server/city-picture.js';
import { createActionHandler } from '../src/server/actions/action-handler.js';
import { attachGateway, type Gateway } from '../src/server/gateway.js';
import { createWebMetrics } from '../src/server/metrics.js';
import { bindWallSocket } from '../src/wall/bind-socket.js';
import { createWallStore } from '../src/wall/store/wall-store.js';
import { createTestAuth, type TestAuth } from './auth-fixtures.js';
import { FUTIAN, NANSHAN, alertEventFixture, alertFixture, cityFixture, liveFixture } from './fixtures.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Received {
  snapshots: WireSnapshot[];
  alerts: string[];
  removed: string[];
  /** One entry per `live` message: the districts it carried. */
  live: string[][];
}

describe('wall gateway', () => {
  let http: Server;
  let gateway: Gateway;
  let url: string;
  const clients: Client[] = [];
  let auth: TestAuth;
  /** An operator's session: city-wide, may narrow to any district. */
  let token: string;

  beforeAll(async () => {
    auth = await createTestAuth([{ id: 'ops-1', role: 'operator' }]);
    token = await auth.sessionToken('ops-1');
  });
  afterAll(() => auth.cleanup());

  beforeEach(async () => {
    http = createServer();
    const picture = new CityPicture({ staleAfterMs: 20_000, now: Date.now });
    const logger = silentLogger();
    const metrics = createWebMetrics();
    gateway = attachGateway(
      http,
      {
        picture,
        logger,
        metrics,
        districts: new Set([NANSHAN, FUTIAN]),
        authenticator: auth.authenticator,
        // These tests send no actions; test/joint-command.int.test.ts drives the action path through Kafka.
        handleAction: createActionHandler({
          picture,
          publisher: { publish: () => Promise.reject(new Error('no Kafka in this test')) },
          metrics,
          logger,
          now: Date.now,
          limits: { perSecond: 2, burst: 20 },
        }),
        now: Date.now,
      },
      { recoveryMs: 30_000 },
    );
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await gateway.close();
  });

  function open(scope: string, feed?: Feed): { client: Client; received: Received } {
    const auth: HandshakeAuth = feed === undefined ? { scope, token } : { scope, token, feed };
    const client: Client = connect(url, {
      auth,
      transports: ['websocket'],
      reconnectionDelay: 50,
    });
    clients.push(client);
    const received: Received = { snapshots: [], alerts: [], removed: [], live: [] };
    client.on('snapshot', (s) => received.snapshots.push(s));
    client.on('alert', (e) => received.alerts.push(`${e.alert.alertId}@${e.alert.version}`));
    client.on('alertRemoved', (id) => received.removed.push(id));
    client.on('live', (tick) => received.live.push(tick.map((a) => a.district)));
    return { client, received };
  }

  /** Opens a connection per scope and waits until each has its snapshot. */
  async function openWithSnapshot<const S extends string[]>(
    ...scopes: S
  ): Promise<{ [K in keyof S]: ReturnType<typeof open> }> {
    const opened = scopes.map((scope) => open(scope)) as { [K in keyof S]: ReturnType<typeof open> };
    for (const c of opened)
      await waitFor(
        () => c.received.snapshots.length,
        (n) => n === 1,
      );
    return opened;
  }

  /** A city wall page: a connection bound to a wall store of its own, as the page binds it. */
  function openWallPage(): { client: Client; store: ReturnType<typeof createWallStore> } {
    const store = createWallStore({ kind: 'city' });
    const client: Client = connect(url, { auth: { scope: 'city', token }, transports: ['websocket'] });
    clients.push(client);
    bindWallSocket(client, store);
    return { client, store };
  }

  it('sends the current picture on connect, cut to the scope', async () => {
    gateway.publishAlert(alertEventFixture(alertFixture('a-nanshan', { district: NANSHAN })));
    gateway.publishAlert(alertEventFixture(alertFixture('a-futian', { district: FUTIAN })));
    gateway.publishAlert(alertEventFixture(alertFixture('a-futian-red', { district: FUTIAN, level: 'red' })));
    gateway.publishLive(liveFixture(NANSHAN));
    gateway.publishLive(liveFixture(FUTIAN));
    gateway.publishLive(cityFixture());

    const city = open('city');
    const nanshan = open(NANSHAN);
    const [citySnap] = await waitFor(
      () => city.received.snapshots,
      (s) => s.length === 1,
      { what: 'city snapshot' },
    );
    const [nanshanSnap] = await waitFor(
      () => nanshan.received.snapshots,
      (s) => s.length === 1,
    );

    expect(citySnap?.alerts.map((a) => a.alertId).sort()).toEqual(['a-futian', 'a-futian-red', 'a-nanshan']);
    expect(citySnap?.live.map((a) => a.district).sort()).toEqual([FUTIAN, NANSHAN, 'city']);
    // A district wall: its own alerts and the city's red ones; its own live picture and the city summary.
    expect(nanshanSnap?.scope).toEqual({ kind: 'district', adcode: NANSHAN });
    expect(nanshanSnap?.alerts.map((a) => a.alertId).sort()).toEqual(['a-futian-red', 'a-nanshan']);
    expect(nanshanSnap?.live.map((a) => a.district).sort()).toEqual([NANSHAN, 'city']);
  });

  it('sends an alerts-only connection (the duty console) alerts and no live picture', async () => {
    gateway.publishLive(liveFixture(NANSHAN));
    gateway.publishAlert(alertEventFixture(alertFixture('before', { district: NANSHAN })));
    const [wall] = await openWithSnapshot('city');
    const console = open('city', 'alerts');
    const [snapshot] = await waitFor(
      () => console.received.snapshots,
      (s) => s.length === 1,
      { what: 'console snapshot' },
    );
    expect(snapshot?.alerts.map((a) => a.alertId)).toEqual(['before']);
    expect(snapshot?.live).toEqual([]);

    gateway.publishLive(liveFixture(NANSHAN, { seq: 2, ts: new Date(Date.now() + 1_000).toISOString() }));
    gateway.publishAlert(alertEventFixture(alertFixture('after', { district: NANSHAN })));
    // Both go out in publish order on each socket: once the alert is in, the tick would have been too.
    await waitFor(() => console.received.alerts.length === 1 && wall.received.alerts.length === 1, Boolean, {
      what: 'the alert on both',
    });
    await waitFor(
      () => wall.received.live.length,
      (n) => n === 1,
      { what: 'the tick on the wall' },
    );
    expect(console.received.alerts).toEqual(['after@1']);
    expect(console.received.live).toEqual([]);
    const resynced = await new Promise<WireSnapshot>((resolve) => console.client.emit('resync', resolve));
    expect(resynced.live).toEqual([]);
  });

  it('refuses a feed it does not know at the handshake', async () => {
    const client: Client = connect(url, {
      auth: { scope: 'city', token, feed: 'everything' },
      transports: ['websocket'],
      reconnection: false,
    });
    clients.push(client);
    const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
    expect(error.message).toMatch(/unknown feed/);
  });

  it('refuses an unknown district scope at the handshake', async () => {
    const client: Client = connect(url, {
      auth: { scope: '999999', token },
      transports: ['websocket'],
      reconnection: false,
    });
    clients.push(client);
    const error = await new Promise<Error>((resolve) => client.once('connect_error', resolve));
    expect(error.message).toMatch(/unknown district/);
  });

  it('sends deltas to the rooms that may see them, once each', async () => {
    const [city, nanshan, futian] = await openWithSnapshot('city', NANSHAN, FUTIAN);

    gateway.publishAlert(alertEventFixture(alertFixture('n1', { district: NANSHAN })));
    gateway.publishAlert(alertEventFixture(alertFixture('n1', { district: NANSHAN, version: 1 }))); // duplicate
    gateway.publishAlert(alertEventFixture(alertFixture('f-red', { district: FUTIAN, level: 'red' })));
    gateway.publishAlert(
      alertEventFixture(alertFixture('f-red', { district: FUTIAN, level: 'orange', version: 2 }), 'updated'),
    );
    gateway.publishLive(liveFixture(FUTIAN));

    await waitFor(
      () => city.received.live.length,
      (n) => n === 1,
      { what: 'city live delta' },
    );
    await waitFor(
      () => nanshan.received.removed.length,
      (n) => n === 1,
      { what: 'downgrade removal' },
    );
    expect(city.received.alerts).toEqual(['n1@1', 'f-red@1', 'f-red@2']);
    expect(nanshan.received.alerts).toEqual(['n1@1', 'f-red@1']);
    expect(nanshan.received.removed).toEqual(['f-red']);
    expect(futian.received.alerts).toEqual(['f-red@1', 'f-red@2']);
    expect(nanshan.received.live).toEqual([]);
    await waitFor(
      () => futian.received.live,
      (l) => l.length === 1,
    );
  });

  it('sends a live tick as one message per socket, cut to the scope', async () => {
    const [city, nanshan, futian, police] = await openWithSnapshot('city', NANSHAN, FUTIAN, 'agency:police');
    const cityTick = new Promise<WireLiveAggregate[]>((resolve) => city.client.once('live', resolve));
    // One tick as the Kafka feed delivers it: a message per district, then the city summary.
    gateway.publishLive(liveFixture(NANSHAN));
    gateway.publishLive(liveFixture(FUTIAN));
    gateway.publishLive(cityFixture());
    await waitFor(() => [city, nanshan, futian, police].every((c) => c.received.live.length === 1), Boolean, {
      what: 'the tick on every wall',
    });
    expect(city.received.live).toEqual([[NANSHAN, FUTIAN, 'city']]);
    // An agency sees the whole city's live picture.
    expect(police.received.live).toEqual([[NANSHAN, FUTIAN, 'city']]);
    expect(nanshan.received.live).toEqual([[NANSHAN, 'city']]);
    expect(futian.received.live).toEqual([[FUTIAN, 'city']]);
    // The heat arrives packed and reads back as published.
    const [nanshanOnWire] = await cityTick;
    expect(nanshanOnWire?.heatPacked).toEqual(expect.any(String));
    expect(fromWire(nanshanOnWire as WireLiveAggregate).heat).toEqual(
      [...liveFixture(NANSHAN).heat].sort((a, b) => (a.cell < b.cell ? -1 : 1)),
    );

    // The next tick carries only what changed: Nanshan's wall hears nothing of Futian's.
    gateway.publishLive(liveFixture(FUTIAN, { ts: new Date(Date.now() + 1_000).toISOString() }));
    await waitFor(() => city.received.live.length === 2 && futian.received.live.length === 2, Boolean, {
      what: 'the second tick',
    });
    expect(city.received.live.at(-1)).toEqual([FUTIAN]);
    expect(nanshan.received.live).toHaveLength(1);
  });

  it("keeps a wall store's heat equal to the published one across deltas, resyncing when it lacks a base", async () => {
    const { client, store } = openWallPage();
    const held = (seq: number) => store.getState().live.get(NANSHAN)?.seq === seq;
    const heatOf = () =>
      [...(store.getState().live.get(NANSHAN)?.heat ?? [])].sort((a, b) => a.cell.localeCompare(b.cell));
    const tick = (seq: number, bump: number) => {
      const aggregate = liveFixture(NANSHAN, { seq, ts: new Date(Date.now() + seq).toISOString() });
      // Each tick changes a few counts and drops the last cell: a delta, not the whole heat.
      const heat = aggregate.heat
        .slice(0, -seq)
        .map((c, i) => (i < 3 ? { ...c, people: c.people + bump } : c));
      return { ...aggregate, heat };
    };
    await waitFor(
      () => store.getState().status,
      (status) => status === 'live',
      { what: 'snapshot' },
    );

    const first = tick(1, 0);
    let expected = first;
    gateway.publishLive(expected);
    await waitFor(() => held(1), Boolean, { what: 'tick 1' });
    const onWire = new Promise<WireLiveAggregate[]>((resolve) => client.once('live', resolve));
    expected = tick(2, 5);
    gateway.publishLive(expected);
    await waitFor(() => held(2), Boolean, { what: 'tick 2' });
    expect((await onWire)[0]?.heatBase).toEqual({ ts: first.ts, seq: 1 });
    expect(heatOf()).toEqual([...expected.heat].sort((a, b) => a.cell.localeCompare(b.cell)));

    // The page loses its picture of Nanshan (as after a bug or a missed message): the next delta cannot be
    // applied, and the page asks for a snapshot instead of showing a wrong heat map.
    store.setState({ live: new Map() });
    expected = tick(3, 9);
    gateway.publishLive(expected);
    await waitFor(() => held(3), Boolean, { what: 'tick 3 through a resync' });
    expect(heatOf()).toEqual([...expected.heat].sort((a, b) => a.cell.localeCompare(b.cell)));
  });

  it('connects a wall while a tick is still being gathered without a second snapshot', async () => {
    const tick = (seq: number) => {
      const aggregate = liveFixture(NANSHAN, { seq, ts: new Date(Date.now() + seq).toISOString() });
      return {
        ...aggregate,
        heat: aggregate.heat.map((c, i) => (i < 2 ? { ...c, people: c.people + seq } : c)),
      };
    };
    // Tick 1 went out before the wall came: the gateway encodes later ticks against it.
    gateway.publishLive(tick(1));
    await new Promise((resolve) => setImmediate(resolve));
    // Tick 2 arrives during the wall's handshake and is still waiting for its flush when the snapshot is
    // taken; tick 3 arrives right after the snapshot, before that flush.
    let handshakes = 0;
    gateway.io.use((_socket, next) => {
      if (handshakes++ === 0) gateway.publishLive(tick(2));
      next();
    });
    let resyncs = 0;
    gateway.io.on('connection', (socket) => {
      socket.on('resync', () => (resyncs += 1));
      gateway.publishLive(tick(3));
    });

    const { store } = openWallPage();
    await waitFor(() => store.getState().live.get(NANSHAN)?.seq === 3, Boolean, {
      what: 'tick 3 on the wall',
    });
    expect(resyncs).toBe(0);
    expect([...(store.getState().live.get(NANSHAN)?.heat ?? [])]).toEqual(
      [...tick(3).heat].sort((a, b) => (a.cell < b.cell ? -1 : 1)),
    );
  });

  it('recovers a dropped connection: missed deltas replayed, no second snapshot', async () => {
    const city = open('city');
    await waitFor(
      () => city.received.snapshots.length,
      (n) => n === 1,
    );
    gateway.publishAlert(alertEventFixture(alertFixture('before')));
    await waitFor(
      () => city.received.alerts.length,
      (n) => n === 1,
    );

    // Drop the transport from the server side, as a network cut would.
    const serverSocket = [...gateway.io.of('/').sockets.values()][0];
    const dropped = new Promise<void>((resolve) => city.client.once('disconnect', () => resolve()));
    serverSocket?.conn.close();
    await dropped;
    gateway.publishAlert(alertEventFixture(alertFixture('missed')));

    await waitFor(() => city.client.connected, Boolean, { what: 'reconnect' });
    expect(city.client.recovered).toBe(true);
    await waitFor(
      () => city.received.alerts,
      (a) => a.includes('missed@1'),
      { what: 'the missed alert' },
    );
    expect(city.received.snapshots).toHaveLength(1);
  });

  it('answers a resync with a fresh snapshot', async () => {
    const city = open('city');
    await waitFor(
      () => city.received.snapshots.length,
      (n) => n === 1,
    );
    gateway.publishAlert(alertEventFixture(alertFixture('later')));
    const snapshot = await new Promise<WireSnapshot>((resolve) => city.client.emit('resync', resolve));
    expect(snapshot.alerts.map((a) => a.alertId)).toEqual(['later']);
  });
});
