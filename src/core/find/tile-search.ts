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

const keyOf = (bytes: Uint8Array, start: number, length: number): string => String.fromCharCode(...bytes.subarray(start, start + length));

const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === 0);

/** The query's non-blank tiles by content: content -> query positions. */
function index(query: readonly QueryTile[], per: number): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  query.forEach((q, i) => {
    if (q.bytes.length !== per) throw new RangeError(`query tile ${i} has ${q.bytes.length} bytes, not ${per}`);
    if (isBlank(q.bytes)) return;
    const k = keyOf(q.bytes, 0, per);
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  return byKey;
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
  const byKey = index(query, per);
  const queried = [...byKey.values()].reduce((n, qs) => n + qs.length, 0);
  const matches: TileMatch[] = [];
  let searched = 0;
  for (const b of blocks) {
    searched++;
    if (queried === 0) continue;
    const hits: Hits = new Map();
    const tiles = Math.floor(b.data.length / per);
    for (let t = 0; t < tiles; t++) {
      const qs = byKey.get(keyOf(b.data, t * per, per));
      if (qs) for (const q of qs) hits.set(q, [...(hits.get(q) ?? []), t]);
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
export function searchRaw(query: readonly QueryTile[], rom: Uint8Array, opts: { per?: number; skip?: readonly { start: number; end: number }[]; gapTiles?: number } = {}): TileMatch[] {
  const per = opts.per ?? 32;
  const gap = (opts.gapTiles ?? 64) * per;
  const byKey = index(query, per);
  const queried = [...byKey.values()].reduce((n, qs) => n + qs.length, 0);
  if (queried === 0) return [];
  // A first filter on each tile's first four bytes; whole tiles are compared only on a hit.
  const heads = new Map<number, string[]>();
  const view = new DataView(rom.buffer, rom.byteOffset, rom.byteLength);
  for (const k of byKey.keys()) {
    const h = (k.charCodeAt(0) | (k.charCodeAt(1) << 8) | (k.charCodeAt(2) << 16) | (k.charCodeAt(3) << 24)) >>> 0;
    heads.set(h, [...(heads.get(h) ?? []), k]);
  }
  const skip = [...(opts.skip ?? [])].sort((a, b) => a.start - b.start);
  const inSkip = (p: number) => skip.some((s) => p < s.end && p + per > s.start);
  const found: { p: number; qs: number[] }[] = [];
  for (let p = 0; p + per <= rom.length; p++) {
    const keys = heads.get(view.getUint32(p, true));
    if (!keys) continue;
    const k = keyOf(rom, p, per);
    if (keys.includes(k) && !inSkip(p)) found.push({ p, qs: byKey.get(k)! });
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
export function findTiles(query: readonly QueryTile[], rom: Uint8Array, blocks: readonly SearchBlock[], opts: { per?: number; limit?: number } = {}): FindResult {
  const per = opts.per ?? 32;
  const { matches, searched } = searchBlocks(query, blocks, per);
  const skip = blocks.map((b) => ({ start: b.romOffset, end: b.romOffset + b.consumed }));
  const raw = searchRaw(query, rom, { per, skip });
  const queried = query.filter((q) => !isBlank(q.bytes)).length;
  return { matches: rankMatches([...matches, ...raw]).slice(0, opts.limit ?? 50), queried, blank: query.length - queried, blocksSearched: searched };
}
