/**
 * A compact hash table from 64-bit key hashes (two 32-bit halves) to a line number, for the
 * duplicate check of a million rows: typed arrays, open addressing, no per-key objects.
 */
export class KeyTable {
  private hi: Int32Array;
  private lo: Int32Array;
  /** Line number + 1 per slot; 0 marks an empty slot. */
  private lines: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** The line stored for this key, or records `line` for it and returns -1 when it is new. */
  getOrAdd(hi: number, lo: number, line: number): number {
    let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    for (;;) {
      const stored = this.lines[i]!;
      if (stored === 0) break;
      if (this.hi[i] === hi && this.lo[i] === lo) return stored - 1;
      i = (i + 1) & this.mask;
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.lines[i] = line + 1;
    if (++this.count * 2 > this.mask) this.grow();
    return -1;
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    const capacity = (this.mask + 1) * 2;
    this.hi = new Int32Array(capacity);
    this.lo = new Int32Array(capacity);
    this.lines = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < lines.length; j++) {
      if (lines[j] === 0) continue;
      let i = (hi[j]! ^ Math.imul(lo[j]!, 0x9e3779b1)) & this.mask;
      while (this.lines[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.lines[i] = lines[j]!;
    }
  }
}
