import { describe, expect, it } from 'vitest';
import { Watermark } from './watermark.js';

const T = Date.UTC(2026, 3, 5, 2, 0); // Qingming, 10:00 Shenzhen time

describe('watermark', () => {
  it('is the slowest active partition minus the allowed lateness', () => {
    const w = new Watermark({ allowedLatenessMs: 10_000, idleMs: 5_000 });
    w.observe('a:0', T + 60_000, 0);
    w.observe('a:1', T + 20_000, 0);
    expect(w.advance(1_000)).toBe(T + 10_000);
  });

  it('never moves backwards', () => {
    const w = new Watermark({ allowedLatenessMs: 0, idleMs: 5_000 });
    w.observe('a:0', T + 60_000, 0);
    expect(w.advance(0)).toBe(T + 60_000);
    w.observe('a:1', T, 0);
    expect(w.advance(0)).toBe(T + 60_000);
  });

  it('stops waiting for a partition that went idle', () => {
    const w = new Watermark({ allowedLatenessMs: 0, idleMs: 5_000 });
    w.observe('a:0', T + 120_000, 0);
    w.observe('a:1', T, 0);
    expect(w.advance(1_000)).toBe(T);
    w.observe('a:0', T + 180_000, 6_000);
    expect(w.advance(6_000)).toBe(T + 180_000);
  });

  it('holds for assigned partitions that have not reported, until the start-up grace ends', () => {
    const w = new Watermark({ allowedLatenessMs: 0, idleMs: 5_000 });
    w.assign(['a:0', 'a:1'], 0);
    w.observe('a:0', T, 100);
    expect(w.advance(1_000)).toBe(Number.NEGATIVE_INFINITY);
    expect(w.advance(5_001)).toBe(T);
  });

  it('uses the newest event when every partition is idle, and honours a floor', () => {
    const w = new Watermark({ allowedLatenessMs: 1_000, idleMs: 5_000 });
    w.observe('a:0', T, 0);
    w.observe('a:1', T + 30_000, 0);
    expect(w.advance(60_000)).toBe(T + 29_000);
    w.raiseTo(T + 90_000);
    expect(w.value).toBe(T + 90_000);
  });

  it('does not wait for a sparse partition that is caught up', () => {
    const w = new Watermark({ allowedLatenessMs: 0, idleMs: 5_000 });
    w.observe('busy:0', T + 60_000, 0);
    w.observe('sparse:0', T + 1_000, 0);
    expect(w.advance(100)).toBe(T + 1_000);
    w.markCaughtUp('sparse:0', true);
    expect(w.advance(100)).toBe(T + 60_000);
    // Behind again (a backlog): it holds once more, but the watermark never goes back.
    w.markCaughtUp('sparse:0', false);
    w.observe('busy:0', T + 120_000, 200);
    expect(w.advance(200)).toBe(T + 60_000);
  });
});
