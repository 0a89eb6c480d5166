// One client process of the fan-out benchmark: a share of the 1,000 clients, each a real socket.io-client
// connection that authenticates, joins its scope and records when each message was received and decoded.
// In a wall process every client also runs the wall page's own message path (bindWallSocket: decode, apply
// to a wall store of its own), and a listener registered after it records when each message was applied.
// Several processes run side by side so that no client's latency includes a queue of hundreds of other
// clients in one event loop (on a real wall each client is a browser of its own).
import { io as connect } from 'socket.io-client';
import type { WallScope } from '../src/realtime/events.js';
import { bindWallSocket, type WallSocket } from '../src/wall/bind-socket.js';
import { createWallStore } from '../src/wall/store/wall-store.js';
import type { ClientCommand, ClientMessage } from './fanout-protocol.js';

type Client = WallSocket;

const send = (message: ClientMessage) => process.send?.(message);
const clients: Client[] = [];
// Delivered: the message handed to the page's code (the first listener); applied: the wall's store updated.
const alertLatency: number[] = [];
const liveLatency: number[] = [];
const alertApplied: number[] = [];
const liveApplied: number[] = [];
const firstAlert: Record<string, number> = {};
const firstLive: Record<string, number> = {};
let measuring = false;
let heatCellsSeen = 0;
let cpuAtStart = process.cpuUsage();
let wallAtStart = performance.now();

function keepMin(record: Record<string, number>, key: string, ms: number): void {
  const held = record[key];
  if (held === undefined || ms < held) record[key] = ms;
}

async function connectAll(url: string, token: string, scopes: string[], walls: boolean): Promise<void> {
  const started = performance.now();
  // In batches: simultaneous handshakes measure the accept queue, not the fan-out.
  for (let i = 0; i < scopes.length; i += 25) {
    await Promise.all(
      scopes.slice(i, i + 25).map((scope) => {
        const client: Client = connect(url, {
          auth: { scope, token },
          transports: ['websocket'],
          forceNew: true,
        });
        const wallScope: WallScope =
          scope === 'city' ? { kind: 'city' } : { kind: 'district', adcode: scope };
        client.on('alert', (event) => {
          if (!measuring) return;
          const ms = Date.now() - Date.parse(event.ts);
          alertLatency.push(ms);
          keepMin(firstAlert, `${event.alert.alertId}@${event.alert.version}`, ms);
        });
        client.on('live', (tick) => {
          // Every aggregate of a tick was stamped when the tick was published; one delivery per message.
          const first = tick[0];
          if (!measuring || first === undefined) return;
          const ms = Date.now() - Date.parse(first.ts);
          liveLatency.push(ms);
          keepMin(firstLive, String(first.seq), ms);
        });
        if (!walls) {
          clients.push(client);
          return new Promise<void>((resolve) => client.once('snapshot', () => resolve()));
        }
        const store = createWallStore(wallScope);
        bindWallSocket(client, store);
        client.on('alert', (event) => {
          if (measuring) alertApplied.push(Date.now() - Date.parse(event.ts));
        });
        client.on('live', (tick) => {
          const first = tick[0];
          if (measuring && first !== undefined) liveApplied.push(Date.now() - Date.parse(first.ts));
        });
        clients.push(client);
        return new Promise<void>((resolve) =>
          client.once('snapshot', () => {
            // A wall draws its snapshot as it arrives, which decodes the heat: do the same here, before
            // measuring, so the first measured tick does not pay for it.
            for (const aggregate of store.getState().live.values()) heatCellsSeen += aggregate.heat.length;
            resolve();
          }),
        );
      }),
    );
  }
  send({
    type: 'connected',
    clients: clients.length,
    connectMs: performance.now() - started,
    snapshotCells: heatCellsSeen,
  });
}

process.on('message', (command: ClientCommand) => {
  switch (command.type) {
    case 'connect':
      void connectAll(command.url, command.token, command.scopes, command.walls);
      return;
    case 'measure':
      measuring = true;
      cpuAtStart = process.cpuUsage();
      wallAtStart = performance.now();
      return;
    case 'report': {
      measuring = false;
      const cpu = process.cpuUsage(cpuAtStart);
      const report: ClientMessage = {
        type: 'report',
        alertLatency,
        liveLatency,
        alertApplied,
        liveApplied,
        firstAlert,
        firstLive,
        cpuMs: (cpu.user + cpu.system) / 1_000,
        wallMs: performance.now() - wallAtStart,
      };
      for (const client of clients) client.disconnect();
      // A report of a few hundred thousand figures takes a while through the IPC pipe: exit once it is out.
      process.send?.(report, undefined, {}, () => process.exit(0));
    }
  }
});
