// The 1,000 connected walls of the action round-trip benchmark, in their own process so their parsing
// does not share the server's event loop: each records when every version of the watched alert arrived.
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@citybrain/web';
import type { ClientsMessage, ParentMessage } from './roundtrip-protocol.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const send = (message: ClientsMessage) => process.send?.(message);
const clients: Client[] = [];
const receipts: Record<string, number[]> = {};

process.on('message', (message: ParentMessage) => {
  if (message.type === 'finish') {
    const cpu = process.cpuUsage();
    for (const client of clients) client.disconnect();
    send({ type: 'receipts', receipts, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 });
    setTimeout(() => process.exit(0), 100);
    return;
  }
  const { plan } = message;
  const started = Date.now();
  let connected = 0;
  for (let i = 0; i < plan.clients; i++) {
    const client: Client = connect(plan.url, {
      auth: { token: plan.token },
      transports: ['websocket'],
      forceNew: true,
    });
    clients.push(client);
    client.on('alert', (event) => {
      if (event.alert.alertId !== plan.alertId) return;
      (receipts[String(event.alert.version)] ??= []).push(Date.now());
    });
    client.once('snapshot', () => {
      connected += 1;
      if (connected === plan.clients)
        send({ type: 'connected', clients: connected, ms: Date.now() - started });
    });
  }
});
