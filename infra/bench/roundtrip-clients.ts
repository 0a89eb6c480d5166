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
    const done: ClientsMessage = {
      type: 'receipts',
      receipts,
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
    };
    // Exit only once the message has left: process.send is asynchronous.
    process.send?.(done, () => process.exit(0));
    return;
  }
  const { plan } = message;
  const started = Date.now();
  let connected = 0;
  const errors = new Map<string, number>();
  // A slow start says where it is, instead of a silent wait.
  const progress = setInterval(() => {
    if (connected === plan.clients) clearInterval(progress);
    else
      process.stderr.write(
        `walls: ${String(connected)}/${String(plan.clients)} connected; errors ${JSON.stringify([...errors])}\n`,
      );
  }, 5_000);
  // In batches of 50, as the fan-out benchmark does: a thousand simultaneous handshakes measure the accept
  // queue, not the round trip.
  void (async () => {
    for (let i = 0; i < plan.clients; i += 50) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(plan.clients, i + 50); j++) {
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
        client.on('connect_error', (error) => {
          errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
        });
        batch.push(
          new Promise((resolve) =>
            client.once('snapshot', () => {
              connected += 1;
              resolve();
            }),
          ),
        );
      }
      await Promise.all(batch);
    }
    send({ type: 'connected', clients: connected, ms: Date.now() - started });
  })();
});
