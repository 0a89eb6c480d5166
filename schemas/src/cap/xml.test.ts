import { describe, expect, it } from 'vitest';
import { escapeXml, XmlWriter } from './xml.js';

describe('XML escaping', () => {
  it('escapes markup characters in text and attributes', () => {
    expect(escapeXml(`a < b && c > "d" 'e'`)).toBe('a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;');
  });

  it('drops characters XML 1.0 cannot carry, keeping tabs, newlines and astral characters', () => {
    expect(escapeXml('深圳\u0000湾\u0008\t\n公园\uFFFE😀\uD800')).toBe('深圳湾\t\n公园😀');
  });

  it('writes nested, indented elements and refuses unbalanced ones', () => {
    const w = new XmlWriter()
      .start('a', { k: 'x&y', skipped: undefined })
      .leaf('b', '<1>')
      .leaf('c', undefined);
    expect(() => w.toLines()).toThrow(/unclosed <a>/);
    expect(w.end().toLines()).toEqual(['<a k="x&amp;y">', '  <b>&lt;1&gt;</b>', '</a>']);
  });
});
