/**
 * Find in ROM over an open session: the scan's blocks (from the cache when the ROM was scanned
 * before, else scanned now, raw regions included), each decoded through the session's cache,
 * searched with the raw ROM bytes by tile-search.ts.
 */
import type { RomSession } from '../session/rom-session';
import { findTiles, type FindResult, type QueryTile, type SearchBlock } from './tile-search';

export * from './tile-search';
export * from './query';

export interface FindInRomOptions {
  /** Bytes a tile (32: 4bpp, what sprites use). */
  per?: number;
  limit?: number;
  signal?: AbortSignal;
  /** More blocks to search besides the scan's (catalog entries, blocks decompressed by hand). */
  extra?: readonly { romOffset: number; kind: 'hal' | 'raw'; size: number }[];
}

/** The scan's blocks, decoded (blocks that no longer decode are skipped). */
export async function scanBlocks(session: RomSession, signal?: AbortSignal, extra: FindInRomOptions['extra'] = []): Promise<SearchBlock[]> {
  const state = (await session.cachedScan()) ?? (await session.scan({ signal }));
  const data = session.rom.data;
  const blocks: SearchBlock[] = [];
  const seen = new Set(state.hits.map((h) => h.romOffset));
  const more = extra.filter((e) => !seen.has(e.romOffset)).map((e) => ({ romOffset: e.romOffset, kind: e.kind, consumed: e.size }));
  for (const h of [...state.hits, ...more]) {
    if (signal?.aborted) throw new Error('Find in ROM was cancelled');
    if (h.kind === 'raw') {
      blocks.push({ romOffset: h.romOffset, kind: 'raw', data: data.subarray(h.romOffset, h.romOffset + h.consumed), consumed: h.consumed });
      continue;
    }
    try {
      const b = await session.decodeBlock(h.romOffset);
      blocks.push({ romOffset: h.romOffset, kind: 'hal', data: b.data, consumed: b.consumed });
    } catch {
      // The scan found it on other bytes (an edit since): nothing to search there.
    }
  }
  return blocks;
}

export async function findInRom(session: RomSession, query: readonly QueryTile[], opts: FindInRomOptions = {}): Promise<FindResult> {
  const blocks = await scanBlocks(session, opts.signal, opts.extra);
  return findTiles(query, session.rom.data, blocks, { per: opts.per, limit: opts.limit });
}
