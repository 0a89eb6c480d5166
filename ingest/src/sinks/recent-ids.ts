// Producers retry, and a retried send can put the same event on the topic twice, often within seconds.
// A bounded memory of recent ids per table catches those cheaply; ReplacingMergeTree keyed by id is the
// backstop for repeats further apart than this memory.
export class RecentIds {
  private readonly seen = new Set<string>();
  /** The remembered ids in arrival order, as a ring: the slot at `next` holds the oldest once full. */
  private readonly order: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity: number) {
    this.order = new Array<string | undefined>(capacity).fill(undefined);
  }

  /** True if `id` was seen recently; otherwise remembers it (forgetting the oldest when full) and returns false. */
  checkAndRemember(id: string): boolean {
    if (this.capacity === 0) return false;
    // One hash look-up rather than has() then add(): a Set only grows when the id is new.
    const size = this.seen.size;
    if (this.seen.add(id).size === size) return true;
    const oldest = this.order[this.next];
    if (oldest !== undefined) this.seen.delete(oldest);
    this.order[this.next] = id;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    return false;
  }
}
