import { describe, expect, it } from 'vitest';
import { OffsetTracker, parseCommitMetadata } from './offsets.js';

describe('offset tracker', () => {
  it('commits up to the lowest offset an open window needs, else past the last processed', () => {
    const tracker = new OffsetTracker();
    tracker.markProcessed('city.police.crowd.v1:0', 10);
    tracker.markProcessed('city.police.crowd.v1:0', 12);
    tracker.markProcessed('city.alert-actions.v1:2', 4);
    const due = tracker.due(new Map([['city.police.crowd.v1:0', 11]]), 1_000);
    expect(due).toEqual([
      { topic: 'city.police.crowd.v1', partition: 0, offset: '11', metadata: '{"closedUpTo":1000}' },
      { topic: 'city.alert-actions.v1', partition: 2, offset: '5', metadata: '{"closedUpTo":1000}' },
    ]);
    tracker.markCommitted(due);
    expect(tracker.due(new Map([['city.police.crowd.v1:0', 11]]), 1_000)).toEqual([]);
    expect(tracker.due(new Map(), 2_000).map((o) => o.offset)).toEqual(['13']);
  });

  it('reads the metadata back, ignoring anything else', () => {
    expect(parseCommitMetadata('{"closedUpTo":1000}')).toEqual({ closedUpTo: 1000 });
    expect(parseCommitMetadata('')).toBeUndefined();
    expect(parseCommitMetadata('not json')).toBeUndefined();
    expect(parseCommitMetadata('{"closedUpTo":null}')).toBeUndefined();
  });
});
