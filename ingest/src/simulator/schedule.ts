// When each entity reports next: a binary min-heap ordered by (due time, entity index). The index breaks
// ties, so the order of readings — and with it the sequence of random draws — never depends on how the
// caller slices time into ticks.
export interface Due {
  at: number;
  entity: number;
}

function before(a: Due, b: Due): boolean {
  return a.at < b.at || (a.at === b.at && a.entity < b.entity);
}

export class ReportSchedule {
  private readonly heap: Due[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): Due | undefined {
    return this.heap[0];
  }

  push(item: Due): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent] as Due)) break;
      heap[i] = heap[parent] as Due;
      i = parent;
    }
    heap[i] = item;
  }

  pop(): Due | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = last;
      let at = -1;
      if (left < heap.length && before(heap[left] as Due, smallest))
        [smallest, at] = [heap[left] as Due, left];
      if (right < heap.length && before(heap[right] as Due, smallest))
        [smallest, at] = [heap[right] as Due, right];
      if (at === -1) break;
      heap[i] = smallest;
      i = at;
    }
    heap[i] = last;
    return top;
  }
}
