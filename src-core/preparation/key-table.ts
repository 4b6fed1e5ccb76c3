/**
 * A compact hash table from 64-bit key hashes (two 32-bit halves) to a line number, for the
 * duplicate check of a million rows: one interleaved typed array (one cache miss per probe),
 * open addressing, no per-key objects.
 */
export class KeyTable {
  /** Per slot: hash high, hash low, line number + 1 (0 marks an empty slot), unused. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  /** The line stored for this key, or records `line` for it and returns -1 when it is new. */
  getOrAdd(hi: number, lo: number, line: number): number {
    const slots = this.slots;
    let i = slotOf(hi, lo) & this.mask;
    for (;;) {
      const at = i << 2;
      const stored = slots[at + 2]!;
      if (stored === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = line + 1;
        if (++this.count * 2 > this.mask) this.grow();
        return -1;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return stored - 1;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 2] === 0) continue;
      let i = slotOf(old[at]!, old[at + 1]!) & this.mask;
      while (this.slots[(i << 2) + 2] !== 0) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(at, at + 4), i << 2);
    }
  }
}

/** Murmur3's finaliser over both halves: neighbouring keys land far apart (no probe clusters). */
function slotOf(hi: number, lo: number): number {
  let h = hi ^ Math.imul(lo, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
