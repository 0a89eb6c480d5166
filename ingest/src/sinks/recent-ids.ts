// Producers retry, and a retried send can put the same event on the topic twice, often within seconds.
// A bounded memory of recent ids per table catches those cheaply; ReplacingMergeTree keyed by id is the
// backstop for repeats further apart than this memory.
export class RecentIds {
  private readonly seen = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly capacity: number) {}

  /** True if `id` was seen recently; otherwise remembers it and returns false. */
  checkAndRemember(id: string): boolean {
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    this.order.push(id);
    if (this.order.length - this.head > this.capacity) {
      this.seen.delete(this.order[this.head] as string);
      this.head += 1;
      if (this.head > this.capacity) {
        this.order.splice(0, this.head);
        this.head = 0;
      }
    }
    return false;
  }
}
