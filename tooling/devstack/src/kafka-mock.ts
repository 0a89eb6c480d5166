// Hosts librdkafka's mock Kafka cluster in a `kcat` child process (DESIGN §8). kcat is only the host:
// it consumes a dummy topic so librdkafka keeps the mock cluster alive; clients talk Kafka protocol to it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface KafkaMock {
  /** `host:port` of the mock cluster's bootstrap broker. */
  readonly brokers: string[];
  stop(): Promise<void>;
}

export class KafkaMockStartError extends Error {
  override readonly name = 'KafkaMockStartError';
}

const BOOTSTRAP_LINE = /bootstrap\.servers=([0-9.]+:\d+)/;

export interface KafkaMockOptions {
  brokers?: number;
  timeoutMs?: number;
  /**
   * Run kcat in a process group of its own. A terminal's Ctrl-C signals its whole foreground process group at
   * once, so a mock in the caller's group would die while the services that use it are still draining
   * (committing offsets, publishing): a launcher that stops the mock last wants this. The mock is then
   * stopped by `stop()`, or when this process exits; only a SIGKILL of this process leaves it running.
   */
  ownProcessGroup?: boolean;
}

export async function startKafkaMock(options: KafkaMockOptions = {}): Promise<KafkaMock> {
  const { brokers = 1, timeoutMs = 15_000, ownProcessGroup = false } = options;
  // 127.0.0.1:1 is never dialled: with test.mock.num.brokers librdkafka replaces bootstrap.servers.
  const child = spawn(
    'kcat',
    [
      '-b',
      '127.0.0.1:1',
      '-X',
      `test.mock.num.brokers=${brokers}`,
      '-C',
      '-t',
      '_bootstrap',
      '-d',
      'mock',
      '-q',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: ownProcessGroup },
  );
  if (ownProcessGroup) {
    // Not in our group any more, so nothing else ends it with us.
    const killOnExit = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
  }
  const bootstrap = await readBootstrap(child, timeoutMs);
  return {
    brokers: [bootstrap],
    stop: () => stopChild(child),
  };
}

function readBootstrap(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr = child.stderr;
    if (!stderr) {
      reject(new KafkaMockStartError('kcat stderr is not piped'));
      return;
    }
    const lines = createInterface({ input: stderr });
    const tail: string[] = [];
    const fail = (message: string): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new KafkaMockStartError(`${message}; kcat said: ${tail.join(' | ')}`));
    };
    const timer = setTimeout(
      () => fail(`mock cluster did not report its brokers within ${timeoutMs} ms`),
      timeoutMs,
    );
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new KafkaMockStartError(
          error.code === 'ENOENT'
            ? 'kcat is not installed: run `npm run setup` (apt-get install kcat)'
            : `could not start kcat: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code) => fail(`kcat exited with code ${String(code)}`));
    lines.on('line', (line) => {
      const match = BOOTSTRAP_LINE.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        // Keep draining stderr (debug output) so kcat never blocks on a full pipe.
        lines.removeAllListeners('line');
        lines.on('line', () => undefined);
        resolve(match[1]);
        return;
      }
      tail.push(line);
      if (tail.length > 5) tail.shift();
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
