// The little XML writing the CAP and Atom documents need: escaping and an indenting element writer. Writing
// (never parsing) XML is small enough to own; a builder library would add a dependency for ~60 lines.

/**
 * Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and
 * unpaired surrogates). Escaping cannot express them, so they are dropped: one stray control character in
 * a venue name must not make the whole feed unparseable for every receiving agency.
 */
// With the `u` flag a surrogate range matches only unpaired surrogates: a valid pair is one code point.
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe for XML element content and (double- or single-quoted) attribute values. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

export type XmlAttributes = Readonly<Record<string, string | undefined>>;

function attributes(attrs: XmlAttributes | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [name, value] of Object.entries(attrs))
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  return out;
}

/** Appends indented elements line by line; names are our own constants, values are always escaped. */
export class XmlWriter {
  private readonly lines: string[] = [];
  private readonly open: string[] = [];

  private indent(): string {
    return '  '.repeat(this.open.length);
  }

  start(name: string, attrs?: XmlAttributes): this {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end() without a matching start()');
    this.lines.push(`${this.indent()}</${name}>`);
    return this;
  }

  /** `<name>text</name>`; an undefined text writes nothing, so optional CAP elements stay optional. */
  leaf(name: string, text: string | undefined, attrs?: XmlAttributes): this {
    if (text === undefined) return this;
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`);
    return this;
  }

  /** `<name …/>` */
  empty(name: string, attrs?: XmlAttributes): this {
    this.lines.push(`${this.indent()}<${name}${attributes(attrs)}/>`);
    return this;
  }

  /** Lines already written elsewhere (an embedded document), indented to the current depth. */
  raw(lines: readonly string[]): this {
    const indent = this.indent();
    for (const line of lines) this.lines.push(`${indent}${line}`);
    return this;
  }

  toLines(): string[] {
    if (this.open.length > 0) throw new Error(`XmlWriter: unclosed <${this.open.join('>, <')}>`);
    return [...this.lines];
  }
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
