// A growable byte buffer of one table's lines (TabSeparated or JSONEachRow) for a batch. Bytes outside the JS
// heap: the garbage collector never traces them, and chDB takes them as they are (no copy, no string building
// at insert time).
const MIN_INITIAL_BYTES = 64 * 1024;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class LineBuffer {
  private bytes: Buffer;
  private length = 0;
  rows = 0;

  /** `expectedBytes`: e.g. the size of the previous batch, to start at the right size rather than grow. */
  constructor(expectedBytes = 0) {
    this.bytes = Buffer.allocUnsafe(Math.max(MIN_INITIAL_BYTES, expectedBytes));
  }

  get byteLength(): number {
    return this.length;
  }

  /** Appends one row's text (no newline) as a line. */
  append(line: string): void {
    const worstCase = this.length + line.length * MAX_BYTES_PER_UNIT + 1;
    if (worstCase > this.bytes.length) this.grow(worstCase);
    this.length += this.bytes.write(line, this.length, 'utf8');
    this.bytes[this.length] = 0x0a;
    this.length += 1;
    this.rows += 1;
  }

  /** The lines written so far; a view, valid until the next append. */
  contents(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  private grow(atLeast: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(atLeast, this.bytes.length * 2));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}
