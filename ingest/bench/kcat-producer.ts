// The benchmark's load generator: one long-lived kcat (librdkafka) per topic, fed `key\tvalue` lines on
// stdin. Spawning kcat per chunk from the benchmark process forks a ~1 GB process each time, which blocked
// ingest's event loop for ~10 ms per spawn and was measured as ingest time; a pipe write costs nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export class KcatProducer {
  private readonly children = new Map<string, ChildProcess>();

  constructor(private readonly brokers: string) {}

  /** Starts kcat for each topic now, so that no spawn falls inside a measurement. */
  open(topics: Iterable<string>): void {
    for (const topic of topics) this.childFor(topic);
  }

  /**
   * Queues lines for `topic`; resolves once the pipe has taken them. kcat reads stdin in blocks, so the
   * tail of a write is produced with the next write or at close().
   */
  async write(topic: string, lines: Buffer): Promise<void> {
    const stdin = this.childFor(topic).stdin;
    if (!stdin) throw new Error('kcat has no stdin');
    if (!stdin.write(lines)) await once(stdin, 'drain');
  }

  /** Closes every stdin and waits for each kcat to flush its queue to the broker and exit. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.children.values()].map(async (child) => {
        const exit = once(child, 'exit') as Promise<[number | null]>;
        child.stdin?.end();
        const [code] = await exit;
        if (code !== 0) throw new Error(`kcat exited with ${String(code)}`);
      }),
    );
    this.children.clear();
  }

  private childFor(topic: string): ChildProcess {
    let child = this.children.get(topic);
    if (!child) {
      child = spawn('kcat', ['-P', '-b', this.brokers, '-t', topic, '-K', '\t', '-z', 'none'], {
        stdio: ['pipe', 'ignore', 'inherit'],
      });
      this.children.set(topic, child);
    }
    return child;
  }
}
