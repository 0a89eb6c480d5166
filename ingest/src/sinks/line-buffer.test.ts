import { describe, expect, it } from 'vitest';
import { LineBuffer } from './line-buffer.js';

describe('LineBuffer', () => {
  it('holds the lines as UTF-8, one per row, growing as needed', () => {
    const lines = new LineBuffer();
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      JSON.stringify({
        id: `r-${i}`,
        text: i % 7 === 0 ? '沙河西路 µg/m³ 😀 "q" \\ \n' : 'x'.repeat(i % 300),
      }),
    );
    for (const row of rows) lines.append(row);
    expect(lines.rows).toBe(rows.length);
    const text = lines.contents().toString('utf8');
    expect(text).toBe(rows.join('\n') + '\n');
    expect(lines.byteLength).toBe(Buffer.byteLength(text));
  });

  it('starts at the size it is told to expect', () => {
    const lines = new LineBuffer(10 * 1024 * 1024);
    lines.append('{}');
    expect(lines.contents().toString()).toBe('{}\n');
    expect(lines.contents().buffer.byteLength).toBeGreaterThanOrEqual(10 * 1024 * 1024);
  });
});
