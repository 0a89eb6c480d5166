// Runs a service's bin as a child process, the way an operator runs it, so a test can SIGKILL it
// mid-stream and start it again. `node --import tsx` keeps it one process: the tsx CLI would fork a
// grandchild that survives a SIGKILL of its parent and keeps holding the chDB lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  return port;
}

export interface ChildService {
  readonly process: ChildProcess;
  /** Base URL of the child's /health and /metrics endpoint. */
  readonly healthUrl: string;
  /** The last 8 KB of its stderr, for failure messages. */
  readonly stderr: () => string;
}

/**
 * @param bin the service's bin file (TypeScript); its package directory becomes the working directory
 * @param portVariable the environment variable that sets its health/metrics port
 */
export async function spawnService(
  bin: string,
  portVariable: string,
  env: Record<string, string>,
): Promise<ChildService> {
  const port = await freePort();
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', bin], {
    cwd: dirname(dirname(dirname(bin))),
    // The child inherits this environment (PATH, HOME) with the test's variables on top.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, ...env, [portVariable]: String(port), LOG_LEVEL: 'warn' },
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
