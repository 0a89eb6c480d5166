// Event-time watermark over the source partitions: the slowest active partition's latest event time minus
// the allowed lateness. Per partition, because a consumer catching up reads one partition's backlog minutes
// ahead of another's; a global maximum would make the other partitions' events look late. A partition that
// has delivered nothing for `idleMs` (wall clock) stops holding the watermark back, or a quiet topic would
// stop every window from closing. A partition whose last batch reached its high watermark is caught up:
// whatever it sends next is newer than what it sent, so it does not hold the watermark back either — this is
// what keeps a sparse partition (one incident a minute) from delaying every window close by its gaps.

export interface WatermarkOptions {
  allowedLatenessMs: number;
  idleMs: number;
}

interface Source {
  maxTsMs: number;
  caughtUp: boolean;
  /** Wall-clock time of the last delivery (or of the assignment, for the start-up grace). */
  seenAtMs: number;
}

export class Watermark {
  private readonly sources = new Map<string, Source>();
  private currentMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: WatermarkOptions) {}

  get value(): number {
    return this.currentMs;
  }

  /** Partitions assigned to this consumer: each holds the watermark until it reports or goes idle. */
  assign(keys: readonly string[], nowMs: number): void {
    const wanted = new Set(keys);
    for (const key of this.sources.keys()) if (!wanted.has(key)) this.sources.delete(key);
    for (const key of keys) {
      if (!this.sources.has(key))
        this.sources.set(key, { maxTsMs: Number.NEGATIVE_INFINITY, caughtUp: false, seenAtMs: nowMs });
    }
  }

  observe(key: string, tsMs: number, nowMs: number): void {
    const source = this.sources.get(key);
    if (source) {
      source.maxTsMs = Math.max(source.maxTsMs, tsMs);
      source.seenAtMs = nowMs;
    } else {
      this.sources.set(key, { maxTsMs: tsMs, caughtUp: false, seenAtMs: nowMs });
    }
  }

  /** After a batch: true when the partition's high watermark was reached (nothing older is waiting). */
  markCaughtUp(key: string, caughtUp: boolean): void {
    const source = this.sources.get(key);
    if (source) source.caughtUp = caughtUp;
  }

  /** Never below `floorMs` (e.g. the last window closed before a restart). */
  raiseTo(floorMs: number): void {
    this.currentMs = Math.max(this.currentMs, floorMs);
  }

  /** Recomputes the watermark at wall-clock `nowMs`; it never moves backwards. */
  advance(nowMs: number): number {
    let slowest = Number.POSITIVE_INFINITY;
    let newest = Number.NEGATIVE_INFINITY;
    for (const source of this.sources.values()) {
      newest = Math.max(newest, source.maxTsMs);
      const holding = !source.caughtUp && nowMs - source.seenAtMs <= this.options.idleMs;
      if (holding) slowest = Math.min(slowest, source.maxTsMs);
    }
    // Everything idle or caught up: nothing in flight is older than what was seen, so the newest event bounds it.
    const bound = slowest === Number.POSITIVE_INFINITY ? newest : slowest;
    if (bound !== Number.NEGATIVE_INFINITY) {
      this.currentMs = Math.max(this.currentMs, bound - this.options.allowedLatenessMs);
    }
    return this.currentMs;
  }
}
