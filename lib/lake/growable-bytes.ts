/** A growable byte buffer (`Buffer.write` encodes a string slice without copying it first). */
export class GrowableBytes {
  private buf: Buffer;
  length = 0;
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }
  text(s: string) {
    const need = this.length + 3 * s.length; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    this.length += this.buf.write(s, this.length, "utf8");
  }
  done(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
