/**
 * One DataView per array, kept while the same array comes back: a scanner decodes from one ROM into
 * one buffer many times, and a fresh view per call costs it about 0.1 us per offset. Anything else
 * gets a fresh view. The cost: the last array stays referenced until the next call with another.
 */
export class ViewCache {
  private arr: Uint8Array | null = null;
  private view: DataView | null = null;

  of(a: Uint8Array): DataView {
    if (a !== this.arr) {
      this.arr = a;
      this.view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    }
    return this.view!;
  }
}
