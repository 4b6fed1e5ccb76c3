/**
 * Finds rows with the same duplicate key among a million rows, cheaply: each row's 64-bit key
 * hash (two 32-bit halves) is appended to typed arrays while rows stream by (sequential writes,
 * no per-key objects, no random memory access), and the duplicates are found once at the end by
 * a radix sort. A hash collision (about one in 10^13 per pair) would only show a needless warning.
 */
export type Duplicate = Readonly<{ row: number; line: number; firstLine: number }>;

export class DuplicateFinder {
  private hi = new Int32Array(1 << 12);
  private lo = new Int32Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private lines = new Int32Array(1 << 12);
  private count = 0;

  /** Records one row's key hash. */
  add(hi: number, lo: number, row: number, line: number): void {
    if (this.count === this.hi.length) this.grow();
    const i = this.count++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.rows[i] = row;
    this.lines[i] = line;
  }

  private grow(): void {
    const size = this.hi.length * 2;
    const bigger = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.hi = bigger(this.hi);
    this.lo = bigger(this.lo);
    this.rows = bigger(this.rows);
    this.lines = bigger(this.lines);
  }

  /** Every row whose key an earlier row already had, in row order, with that earlier row's line. */
  duplicates(): Duplicate[] {
    const n = this.count;
    const order = sortByKey(this.hi, n);
    const found: Duplicate[] = [];
    // Equal high halves are adjacent and, the sort being stable, in the order rows came.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && this.hi[order[end]!] === this.hi[order[start]!]) end++;
      for (let a = start; a < end; a++) {
        const i = order[a]!;
        for (let b = start; b < a; b++) {
          const j = order[b]!;
          if (this.lo[j] === this.lo[i]) {
            found.push({ row: this.rows[i]!, line: this.lines[i]!, firstLine: this.lines[j]! });
            break;
          }
        }
      }
      start = end;
    }
    return found.sort((x, y) => x.row - y.row);
  }
}

/** The indexes 0…n-1 ordered by `keys` as unsigned 32-bit numbers (LSD radix sort, stable). */
function sortByKey(keys: Int32Array, n: number): Int32Array {
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const counts = new Int32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[from[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 0; d < 65536; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < n; i++) {
      const index = from[i]!;
      to[counts[(keys[index]! >>> shift) & 0xffff]!++] = index;
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Remembers key hashes as rows stream by, to leave a later duplicate out before it is written
 * (a destination whose `duplicates` is `leave-out`). An open-addressing table in typed arrays:
 * a million keys cost no per-key object and no Map.
 *
 * The table is made 1.5 times as big as the keys expected and grows by half once three quarters
 * full. It can have any size, as a slot is chosen by scaling the hash to the table rather than
 * masking it: a million keys take about 1.4 million slots (18 MB), not the next power of two above
 * two million (25 MB).
 */
export class SeenKeys {
  /**
   * Per slot, one byte of the key (its fingerprint; 0 marks an empty slot). A lookup walks this
   * array alone: the new key of nearly every row is known new after reading a few neighbouring
   * bytes of an array of 1.4 MB for a million keys, which stays in the processor's cache where the
   * whole table (18 MB) does not. Waiting for the table was the biggest single cost of preparing a
   * million rows; with four bytes a slot it was 50 ms more, with three arrays side by side 250 ms.
   */
  private fingerprints: Uint8Array;
  /** Per slot, side by side: the key's two halves and the line of the row that had it first. */
  private keys: Int32Array;
  /** The number of slots. */
  private size: number;
  private count = 0;

  /**
   * `expected`: about how many keys will come (a hint, at most 2 million is taken): the table
   * is made that big at once, rather than grown and filled again up to nine times on the way
   * to a million. More keys still fit.
   */
  constructor(expected = 0) {
    this.size = Math.max(1 << 12, Math.ceil(Math.min(expected, 2_000_000) * 1.5));
    this.fingerprints = new Uint8Array(this.size);
    this.keys = new Int32Array(this.size * 3);
  }

  /** The first slot to look at for a key: its mixed hash scaled to the table (Lemire's reduction). */
  private slot(hi: number, lo: number): number {
    return Math.floor(((hi ^ Math.imul(lo, 0x9e3779b1)) >>> 0) * (this.size / 4294967296));
  }

  /** The line of the earlier row with this key, or -1 when none had it. */
  firstLine(hi: number, lo: number): number {
    const fingerprints = this.fingerprints;
    const keys = this.keys;
    const size = this.size;
    const fingerprint = lo & 0xff || 1;
    for (let i = this.slot(hi, lo); ; i = i + 1 === size ? 0 : i + 1) {
      const f = fingerprints[i]!;
      if (f === 0) return -1;
      if (f === fingerprint && keys[i * 3] === hi && keys[i * 3 + 1] === lo) return keys[i * 3 + 2]!;
    }
  }

  /** Records a written row's key (after `firstLine` said no earlier row had it). */
  add(hi: number, lo: number, line: number): void {
    if ((this.count + 1) * 4 > this.size * 3) this.grow();
    this.put(hi, lo, Math.max(1, line));
    this.count++;
  }

  private put(hi: number, lo: number, line: number): void {
    const fingerprints = this.fingerprints;
    const size = this.size;
    let i = this.slot(hi, lo);
    while (fingerprints[i] !== 0) i = i + 1 === size ? 0 : i + 1;
    fingerprints[i] = lo & 0xff || 1;
    this.keys[i * 3] = hi;
    this.keys[i * 3 + 1] = lo;
    this.keys[i * 3 + 2] = line;
  }

  private grow(): void {
    const { fingerprints, keys } = this;
    this.size = Math.ceil(this.size * 1.5);
    this.fingerprints = new Uint8Array(this.size);
    this.keys = new Int32Array(this.size * 3);
    for (let i = 0; i < fingerprints.length; i++) {
      if (fingerprints[i] !== 0) this.put(keys[i * 3]!, keys[i * 3 + 1]!, keys[i * 3 + 2]!);
    }
  }
}
