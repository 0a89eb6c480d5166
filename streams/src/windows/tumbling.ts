// Event-time tumbling windows. A window [start, start + size) stays open until the watermark passes its end,
// so events up to the allowed lateness out of order land in the right window. An event for a window already
// closed is late: it is counted by the caller and not folded in (a closed window's alerts are already out).
import type { WindowedObservation } from '../input/observation.js';
import { WindowAggregates } from './aggregates.js';

export type AddOutcome = 'accepted' | 'late';

export class TumblingWindows {
  private readonly open = new Map<number, WindowAggregates>();
  private closedUpToMs = Number.NEGATIVE_INFINITY;

  constructor(readonly sizeMs: number) {}

  /** End of the last closed window: events before it are late. */
  get closedUpTo(): number {
    return this.closedUpToMs;
  }

  get openCount(): number {
    return this.open.size;
  }

  startOf(tsMs: number): number {
    return Math.floor(tsMs / this.sizeMs) * this.sizeMs;
  }

  add(observation: WindowedObservation, source?: { key: string; offset: number }): AddOutcome {
    const start = this.startOf(observation.tsMs);
    if (start + this.sizeMs <= this.closedUpToMs) return 'late';
    let window = this.open.get(start);
    if (!window) {
      window = new WindowAggregates(start, start + this.sizeMs);
      this.open.set(start, window);
    }
    window.add(observation);
    if (source) window.noteOffset(source.key, source.offset);
    return 'accepted';
  }

  /** Closes every window whose end is at or before the watermark, oldest first. */
  closeUpTo(watermarkMs: number): WindowAggregates[] {
    const due = [...this.open.values()]
      .filter((w) => w.endMs <= watermarkMs)
      .sort((a, b) => a.startMs - b.startMs);
    for (const window of due) this.open.delete(window.startMs);
    // Closing is by watermark even without windows, so an event far behind it is late however sparse the data.
    const boundary = this.startOf(watermarkMs);
    if (Number.isFinite(boundary)) this.closedUpToMs = Math.max(this.closedUpToMs, boundary);
    return due;
  }

  /** Restores the closing point after a restart, so replayed events of windows already acted on stay out. */
  restoreClosedUpTo(endMs: number): void {
    this.closedUpToMs = Math.max(this.closedUpToMs, endMs);
  }

  /** Per source partition, the lowest offset an open window still needs. */
  openMinOffsets(): Map<string, number> {
    const mins = new Map<string, number>();
    for (const window of this.open.values()) {
      for (const [key, offset] of window.minOffsets) {
        const known = mins.get(key);
        if (known === undefined || offset < known) mins.set(key, offset);
      }
    }
    return mins;
  }
}
