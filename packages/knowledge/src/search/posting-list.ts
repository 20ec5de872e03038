/**
 * The articles holding one term, with how often each holds it: slot and
 * count side by side in one typed array. A Map per term cost about 40 bytes
 * a posting, which made the index of 10,000 articles several times their
 * own size; this costs 8. Order is not kept: removal moves the last
 * posting into the gap.
 */
export class PostingList {
  private entries = new Int32Array(4);
  private used = 0;

  /** How many articles hold the term. */
  get size(): number {
    return this.used >> 1;
  }

  slotAt(position: number): number {
    return this.entries[position << 1] as number;
  }

  countAt(position: number): number {
    return this.entries[(position << 1) + 1] as number;
  }

  /** Adds an article's count; the caller adds each slot once (LanguagePartition removes before it adds). */
  add(slot: number, count: number): void {
    if (this.used + 2 > this.entries.length) {
      const grown = new Int32Array(this.entries.length * 2);
      grown.set(this.entries);
      this.entries = grown;
    }
    this.entries[this.used] = slot;
    this.entries[this.used + 1] = count;
    this.used += 2;
  }

  remove(slot: number): void {
    for (let index = 0; index < this.used; index += 2) {
      if (this.entries[index] !== slot) continue;
      this.used -= 2;
      this.entries[index] = this.entries[this.used] as number;
      this.entries[index + 1] = this.entries[this.used + 1] as number;
      if (this.entries.length > 8 && this.used * 4 <= this.entries.length) {
        this.entries = this.entries.slice(0, this.entries.length / 2);
      }
      return;
    }
  }
}
