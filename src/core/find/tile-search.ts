/**
 * Where in a ROM do these tiles come from? Tiles as they sit in VRAM (the bytes the PPU reads)
 * are looked up, byte for byte, in every decoded block of a scan and in the raw ROM bytes.
 *
 * A block matches when it holds some of the tiles (a subset: a sprite may share a block with
 * others, or be partly made of tiles from elsewhere) at any tile offset. When the query tiles
 * carry their VRAM tile numbers, the block offset that puts the most of them in place is found
 * (a game copies a run of a block's tiles to VRAM), and the tile range is read off that offset.
 * Blank tiles (all zero) match everywhere and are left out of the query.
 */

export interface QueryTile {
  /** The tile's bytes (bytesPerTile of the depth: 32 at 4bpp). */
  bytes: Uint8Array;
  /** Its VRAM tile number (the tile's byte address / bytes a tile), when known: aligns the match. */
  vramTile?: number;
}

export interface SearchBlock {
  romOffset: number;
  kind: 'hal' | 'raw';
  /** Decoded bytes (a raw block: its ROM bytes). */
  data: Uint8Array;
  /** ROM bytes the block occupies. */
  consumed: number;
}

export interface TileMatch {
  /** A decoded block of the scan, or a run of tiles in the ROM bytes outside the scan's blocks. */
  source: 'block' | 'rom';
  kind: 'hal' | 'raw';
  /** Headerless offset of the block (for `rom`: of the run's first matched tile). */
  romOffset: number;
  /** Tiles (of the block) from the first to the last matched, inclusive. */
  firstTile: number;
  lastTile: number;
  /** Query tiles found in the block. */
  matched: number;
  /** Of those, how many sit where one tile offset puts them (equal to `matched` without VRAM numbers). */
  aligned: number;
  /** Non-blank tiles asked for. */
  queried: number;
  /** The block tile each query tile was found at (null: not found, or blank), in query order. */
  at: (number | null)[];
}

export interface FindResult {
  matches: TileMatch[];
  /** Non-blank tiles asked for. */
  queried: number;
  /** Query tiles left out because they are blank. */
  blank: number;
  blocksSearched: number;
}

const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === 0);

/** One distinct non-blank query tile: its bytes, the query positions holding it, its anchor. */
interface Distinct {
  bytes: Uint8Array;
  qs: number[];
}

/**
 * The query's distinct non-blank tiles, filed for a fast first test: each under the first of its
 * 4-byte words that is not zero (its anchor), by that word. Sprite tiles often open with
 * transparent rows (zero words), which would match every run of zeros in a ROM; a non-zero
 * anchor word lets zeros and most other bytes fail with one lookup.
 */
class TileIndex {
  readonly distinct: Distinct[] = [];
  /** Anchor offsets in the tile, and for each, anchor word -> tiles (arrays: the search loop runs per ROM byte). */
  private readonly offsets: number[] = [];
  private readonly byWords: Map<number, Distinct[]>[] = [];
  /** Per anchor offset, which low 16 bits an anchor word has: most ROM bytes fail on one array read. */
  private readonly low16: Uint8Array[] = [];
  readonly queried: number;

  constructor(
    query: readonly QueryTile[],
    readonly per: number,
  ) {
    const byContent = new Map<string, Distinct>();
    query.forEach((q, i) => {
      if (q.bytes.length !== per) throw new RangeError(`query tile ${i} has ${q.bytes.length} bytes, not ${per}`);
      if (isBlank(q.bytes)) return;
      const key = String.fromCharCode(...q.bytes);
      const d = byContent.get(key);
      if (d) d.qs.push(i);
      else byContent.set(key, { bytes: q.bytes, qs: [i] });
    });
    this.distinct = [...byContent.values()];
    this.queried = this.distinct.reduce((n, d) => n + d.qs.length, 0);
    for (const d of this.distinct) {
      const view = new DataView(d.bytes.buffer, d.bytes.byteOffset, d.bytes.byteLength);
      let a = 0;
      while (a + 4 <= per && view.getUint32(a, true) === 0) a += 4;
      // A non-blank tile whose only non-zero bytes sit past the last whole word: anchor on that word.
      if (a + 4 > per) a = per - 4;
      const word = view.getUint32(a, true);
      let slot = this.offsets.indexOf(a);
      if (slot < 0) slot = this.offsets.push(a) - 1;
      const byWord = (this.byWords[slot] ??= new Map<number, Distinct[]>());
      byWord.set(word, [...(byWord.get(word) ?? []), d]);
      (this.low16[slot] ??= new Uint8Array(65536))[word & 0xffff] = 1;
    }
  }

  /** The distinct query tiles equal to `data` at `p` (the first test on the anchor words, then every byte). */
  at(data: Uint8Array, view: DataView, p: number): Distinct[] | null {
    let out: Distinct[] | null = null;
    for (let i = 0; i < this.offsets.length; i++) {
      const q = p + this.offsets[i]!;
      if (this.low16[i]![data[q]! | (data[q + 1]! << 8)] === 0) continue;
      const candidates = this.byWords[i]!.get(view.getUint32(q, true));
      if (!candidates) continue;
      for (const d of candidates) {
        let k = 0;
        while (k < this.per && data[p + k] === d.bytes[k]) k++;
        if (k === this.per) (out ??= []).push(d);
      }
    }
    return out;
  }
}

/** For each query tile, the block tiles holding it. */
type Hits = Map<number, number[]>;

/**
 * Picks one block tile per query tile: the tile offset (block tile - VRAM tile) shared by the
 * most query tiles wins; tiles off that offset take their first occurrence.
 */
function resolve(hits: Hits, query: readonly QueryTile[], queried: number): Omit<TileMatch, 'source' | 'kind' | 'romOffset'> | null {
  if (hits.size === 0) return null;
  const votes = new Map<number, number>();
  for (const [q, tiles] of hits) {
    const v = query[q]!.vramTile;
    if (v === undefined) continue;
    for (const d of new Set(tiles.map((t) => t - v))) votes.set(d, (votes.get(d) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestVotes = 0;
  for (const [d, n] of votes) if (n > bestVotes || (n === bestVotes && best !== null && Math.abs(d) < Math.abs(best))) [best, bestVotes] = [d, n];
  const at: (number | null)[] = query.map(() => null);
  let aligned = 0;
  for (const [q, tiles] of hits) {
    const v = query[q]!.vramTile;
    const inPlace = best !== null && v !== undefined ? tiles.find((t) => t - v === best) : undefined;
    if (inPlace !== undefined) aligned++;
    at[q] = inPlace ?? tiles[0]!;
  }
  const placed = at.filter((t): t is number => t !== null);
  return { firstTile: Math.min(...placed), lastTile: Math.max(...placed), matched: hits.size, aligned: votes.size ? aligned : hits.size, queried, at };
}

/** Looks the query up in each block, tile-aligned from the block's start. */
export function searchBlocks(query: readonly QueryTile[], blocks: Iterable<SearchBlock>, per = 32): { matches: TileMatch[]; searched: number } {
  const index = new TileIndex(query, per);
  const queried = index.queried;
  const matches: TileMatch[] = [];
  let searched = 0;
  for (const b of blocks) {
    searched++;
    if (queried === 0) continue;
    const hits: Hits = new Map();
    const tiles = Math.floor(b.data.length / per);
    const view = new DataView(b.data.buffer, b.data.byteOffset, b.data.byteLength);
    for (let t = 0; t < tiles; t++) {
      const found = index.at(b.data, view, t * per);
      if (found) for (const d of found) for (const q of d.qs) hits.set(q, [...(hits.get(q) ?? []), t]);
    }
    const r = resolve(hits, query, queried);
    if (r) matches.push({ source: 'block', kind: b.kind, romOffset: b.romOffset, ...r });
  }
  return { matches, searched };
}

/**
 * Looks the query up in the raw ROM bytes at every byte offset, outside `skip` (the blocks
 * already searched). Hits at the same alignment within `gapTiles` of each other form one run.
 */
export function searchRaw(
  query: readonly QueryTile[],
  rom: Uint8Array,
  opts: { per?: number; skip?: readonly { start: number; end: number }[]; gapTiles?: number } = {},
): TileMatch[] {
  const per = opts.per ?? 32;
  const gap = (opts.gapTiles ?? 64) * per;
  const index = new TileIndex(query, per);
  const queried = index.queried;
  if (queried === 0) return [];
  const view = new DataView(rom.buffer, rom.byteOffset, rom.byteLength);
  const skip = [...(opts.skip ?? [])].sort((a, b) => a.start - b.start);
  const inSkip = (p: number) => skip.some((s) => p < s.end && p + per > s.start);
  const found: { p: number; qs: number[] }[] = [];
  for (let p = 0; p + per <= rom.length; p++) {
    const ds = index.at(rom, view, p);
    if (ds && !inSkip(p)) found.push({ p, qs: ds.flatMap((d) => d.qs) });
  }
  // Runs: same alignment (p mod per), sorted, split at gaps.
  const byResidue = new Map<number, { p: number; qs: number[] }[]>();
  for (const f of found) byResidue.set(f.p % per, [...(byResidue.get(f.p % per) ?? []), f]);
  const matches: TileMatch[] = [];
  for (const list of byResidue.values()) {
    let run: { p: number; qs: number[] }[] = [];
    const flush = () => {
      if (!run.length) return;
      const start = run[0]!.p;
      const hits: Hits = new Map();
      for (const f of run) for (const q of f.qs) hits.set(q, [...(hits.get(q) ?? []), (f.p - start) / per]);
      const r = resolve(hits, query, queried);
      if (r) matches.push({ source: 'rom', kind: 'raw', romOffset: start, ...r });
      run = [];
    };
    for (const f of list) {
      if (run.length && f.p - run[run.length - 1]!.p > gap) flush();
      run.push(f);
    }
    flush();
  }
  return matches;
}

/** Best first: most tiles matched, then most in place, then blocks before raw runs, then the smaller range. */
export function rankMatches(matches: TileMatch[]): TileMatch[] {
  return [...matches].sort(
    (a, b) =>
      b.matched - a.matched ||
      b.aligned - a.aligned ||
      (a.source === b.source ? 0 : a.source === 'block' ? -1 : 1) ||
      a.lastTile - a.firstTile - (b.lastTile - b.firstTile) ||
      a.romOffset - b.romOffset,
  );
}

/** Searches the blocks, then the raw bytes outside them; ranked, at most `limit` matches. */
export function findTiles(
  query: readonly QueryTile[],
  rom: Uint8Array,
  blocks: readonly SearchBlock[],
  opts: { per?: number; limit?: number } = {},
): FindResult {
  const per = opts.per ?? 32;
  const { matches, searched } = searchBlocks(query, blocks, per);
  const skip = blocks.map((b) => ({ start: b.romOffset, end: b.romOffset + b.consumed }));
  const raw = searchRaw(query, rom, { per, skip });
  const queried = query.filter((q) => !isBlank(q.bytes)).length;
  return { matches: rankMatches([...matches, ...raw]).slice(0, opts.limit ?? 50), queried, blank: query.length - queried, blocksSearched: searched };
}
