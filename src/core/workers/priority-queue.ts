/** A queue ordered by priority (higher first), first-in first-out within one priority. */
export class PriorityQueue<T extends { priority: number }> {
  private readonly items: T[] = [];

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    // Binary search for the first item with a lower priority: the new one goes just before it.
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.priority >= item.priority) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }

  shift(): T | undefined {
    return this.items.shift();
  }

  /** Removes `item`; false when it was not queued. */
  remove(item: T): boolean {
    const i = this.items.indexOf(item);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** Removes and returns everything. */
  drain(): T[] {
    return this.items.splice(0, this.items.length);
  }
}
