// Runs streams as a child process (the way an operator runs it), so a test can SIGKILL it mid-stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/bin/streams.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  return port;
}

export interface ChildStreams {
  readonly process: ChildProcess;
  readonly healthUrl: string;
  readonly stderr: () => string;
}

export async function spawnStreams(env: Record<string, string>): Promise<ChildStreams> {
  const port = await freePort();
  let stderr = '';
  // `node --import tsx` keeps it one process: the tsx CLI would fork a grandchild that survives a SIGKILL
  // of its parent and keeps holding the chDB lock.
  const child = spawn(process.execPath, ['--import', 'tsx', BIN], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, ...env, STREAMS_HTTP_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  return { process: child, healthUrl: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

export async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

/** One metric from a Prometheus endpoint, summed over the label sets that match; 0 while it is not up. */
export async function metricSum(healthUrl: string, name: string, labels = ''): Promise<number> {
  try {
    const text = await (await fetch(`${healthUrl}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => (line.startsWith(`${name}{`) || line.startsWith(`${name} `)) && line.includes(labels))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  } catch {
    return 0;
  }
}
