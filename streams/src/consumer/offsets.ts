// Which offsets may be committed. A source event's effects are safe only once its window has closed and the
// resulting alerts are stored; so per partition we commit up to the lowest offset an open window still
// needs, and a crash replays exactly the events of the windows that were still open. The end of the last
// closed window travels in the commit metadata, so replayed events of closed windows stay out after a restart.

export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
  metadata: string;
}

export interface CommitMetadata {
  closedUpTo: number;
}

export function sourceKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

function splitKey(key: string): { topic: string; partition: number } {
  const colon = key.lastIndexOf(':');
  return { topic: key.slice(0, colon), partition: Number(key.slice(colon + 1)) };
}

export class OffsetTracker {
  private readonly processed = new Map<string, number>();
  private readonly committed = new Map<string, number>();

  markProcessed(key: string, offset: number): void {
    this.processed.set(key, Math.max(this.processed.get(key) ?? -1, offset));
  }

  /** Offsets (next to read) that moved forward since the last commit. */
  due(openMinOffsets: ReadonlyMap<string, number>, closedUpTo: number): PartitionOffset[] {
    const metadata = JSON.stringify({ closedUpTo } satisfies CommitMetadata);
    const result: PartitionOffset[] = [];
    for (const [key, last] of this.processed) {
      const next = openMinOffsets.get(key) ?? last + 1;
      if (next <= (this.committed.get(key) ?? -1)) continue;
      result.push({ ...splitKey(key), offset: String(next), metadata });
    }
    return result;
  }

  markCommitted(offsets: readonly PartitionOffset[]): void {
    for (const o of offsets) this.committed.set(sourceKey(o.topic, o.partition), Number(o.offset));
  }

  /** After a rebalance a partition may come back from another member's commit: start afresh. */
  reset(): void {
    this.processed.clear();
    this.committed.clear();
  }
}

export function parseCommitMetadata(metadata: string | null | undefined): CommitMetadata | undefined {
  if (!metadata) return undefined;
  try {
    const value = JSON.parse(metadata) as { closedUpTo?: unknown };
    return typeof value.closedUpTo === 'number' && Number.isFinite(value.closedUpTo)
      ? { closedUpTo: value.closedUpTo }
      : undefined;
  } catch {
    return undefined;
  }
}
