// The benchmark's producer, in a process of its own so that none of its work (building the feed, writing
// it to kcat) lands on the event loop being measured: it was ~10 ms per kcat spawn and ~1 µs per event of
// pipe writes when it shared the ingest process. The parent only sends a few IPC messages per chunk.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface FeedSpec {
  brokers: string;
  /** Prefix of every event id of the measured feed, to find its rows afterwards. */
  run: string;
  events: number;
  chunk: number;
}

export type FeedCommand = { type: 'warm-up' } | { type: 'chunk'; index: number } | { type: 'close' };
export type FeedReply =
  { type: 'ready'; chunks: number } | { type: 'done' } | { type: 'failed'; error: string };

const CHILD = fileURLToPath(new URL('./feed-child.ts', import.meta.url));

export class FeedProcess {
  private constructor(
    private readonly child: ChildProcess,
    /** Rejects when the child exits: a reply can no longer come. */
    private readonly exited: Promise<never>,
    /** Number of chunks of the feed. */
    readonly chunks: number,
  ) {}

  /** Starts the child and waits until it has built the feed and started kcat for every topic. */
  static async start(spec: FeedSpec): Promise<FeedProcess> {
    const child = fork(CHILD, [JSON.stringify(spec)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    const exited = once(child, 'exit').then(([code]) => {
      throw new Error(`feed process exited with ${String(code)}`);
    });
    exited.catch(() => undefined); // observed by whoever awaits a reply
    const reply = await FeedProcess.reply(child, exited);
    if (reply.type !== 'ready') throw new Error(`feed process: ${JSON.stringify(reply)}`);
    return new FeedProcess(child, exited, reply.chunks);
  }

  /** 1,000 crowd events outside the measured feed, flushed to the broker before this resolves. */
  warmUp(): Promise<void> {
    return this.command({ type: 'warm-up' });
  }

  /** Hands one chunk to kcat (its tail goes out with the next chunk or at close). */
  produce(index: number): Promise<void> {
    return this.command({ type: 'chunk', index });
  }

  /** Flushes everything to the broker and ends the child. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await this.command({ type: 'close' });
    await this.exited.catch(() => undefined);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private async command(command: FeedCommand): Promise<void> {
    const reply = FeedProcess.reply(this.child, this.exited);
    this.child.send(command);
    const answer = await reply;
    if (answer.type !== 'done') throw new Error(`feed process: ${JSON.stringify(answer)}`);
  }

  private static async reply(child: ChildProcess, exited: Promise<never>): Promise<FeedReply> {
    const [message] = (await Promise.race([once(child, 'message'), exited])) as [FeedReply];
    return message;
  }
}
