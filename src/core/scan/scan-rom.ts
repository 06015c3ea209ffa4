/**
 * The whole-ROM scan: offsets split into chunks on a fixed grid (CHUNK-aligned absolute offsets,
 * so a resumed scan cuts the same chunks), run on the worker pool (or inline without one), and
 * folded in offset order: each finished chunk's hits merge into the state (dedupe.ts settles a
 * block found both from its true start and from the previous or next chunk's offsets).
 *
 * The ROM goes to the workers once, as a SharedArrayBuffer (one copy into shared memory, none per
 * chunk or worker): a stream may run past its chunk's end, so every task needs the whole ROM, and
 * transferring would detach it after the first task. When `data` already lives in shared memory
 * it is used as is.
 *
 * Cancellation (`signal`): the promise resolves, not rejects, with `complete: false`; `hits` and
 * `nextOffset` cover the chunks folded so far (the finished prefix). Pass that state back as
 * `resume` (with the same options) to continue from `nextOffset`: finished chunks below it are
 * never scanned again. Chunks that finished out of order beyond the first unfinished one cannot
 * be expressed by one offset and are redone (at most a few, since chunks start in order).
 */
import type { Mapping } from '../rom/mapping';
import type { WorkerPool } from '../workers/pool';
import { mergeHits } from './dedupe';
import { applyPointerTables } from './pointer-tables';
import { rawRegionOps } from './raw';
import { scanRange } from './scan-range';
import type { ScanTaskPayload } from './task';
import { resolveRange, type ScanOptions, type ScanState } from './types';

/** Offsets per chunk (64 KiB: 64 tasks for a 4 MiB ROM, each well under a second). */
export const CHUNK = 0x10000;

export interface ScanRomOptions extends ScanOptions {
  /** Run the chunks on this pool; without one the scan runs inline (yielding between chunks). */
  pool?: WorkerPool;
  /**
   * Most chunks in flight at once (default: twice the pool's size, so each worker has the next
   * chunk queued and never waits for this thread to fold a result and send it more work).
   */
  jobs?: number;
  signal?: AbortSignal;
  /** Offsets tried so far, out of the whole range (a resumed scan starts at what was done). */
  onProgress?: (done: number, total: number) => void;
  /** A previous, incomplete result to continue. */
  resume?: ScanState;
  /** Pool priority of the chunk tasks (higher runs first; default 0). */
  priority?: number;
  /**
   * The ROM's address mapping: with one, a finished scan is corrected and completed from the
   * ROM's pointer tables (pointer-tables.ts). Without one (or 'unknown') the tile scan stands.
   */
  mapping?: Mapping;
}

interface Chunk {
  start: number;
  end: number;
}

function chunksOf(start: number, end: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let s = start; s < end;) {
    const e = Math.min(end, (Math.floor(s / CHUNK) + 1) * CHUNK);
    chunks.push({ start: s, end: e });
    s = e;
  }
  return chunks;
}

function isAbort(err: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && err instanceof Error && (err.name === 'AbortError' || (err as { code?: unknown }).code === 'cancelled');
}

export async function scanRom(data: Uint8Array, opts: ScanRomOptions = {}): Promise<ScanState> {
  const r = resolveRange(data.length, opts);
  const from = Math.max(r.start, Math.min(opts.resume?.nextOffset ?? r.start, r.end));
  let state: ScanState = { hits: [...(opts.resume?.hits ?? [])], nextOffset: from, complete: false };
  if (opts.resume?.complete || from >= r.end) return { ...state, nextOffset: r.end, complete: true };

  const chunks = chunksOf(from, r.end);
  const total = r.end - r.start;
  const alreadyDone = from - r.start;
  const chunkDone = new Float64Array(chunks.length);
  let lastReport = -1;
  const report = () => {
    if (!opts.onProgress) return;
    let done = alreadyDone;
    for (const d of chunkDone) done += d;
    if (done !== lastReport) opts.onProgress((lastReport = done), total);
  };
  const results = new Map<number, ScanState>();
  let folded = 0;
  const rawOps = rawRegionOps(data, r.minTiles);
  const fold = () => {
    for (let res = results.get(folded); res; res = results.get(folded)) {
      results.delete(folded);
      const skipped = (state.skipped ?? 0) + (res.skipped ?? 0);
      state = {
        hits: mergeHits(data, state.hits, res.hits, rawOps),
        nextOffset: chunks[folded]!.end,
        complete: false,
        ...(skipped ? { skipped } : {}),
      };
      folded++;
    }
  };
  const chunkOpts = { minTiles: r.minTiles, includeRaw: r.includeRaw };

  if (!opts.pool) {
    for (let i = 0; i < chunks.length; i++) {
      // Yield so an abort (or anything else) can run between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (opts.signal?.aborted) break;
      const c = chunks[i]!;
      const res = scanRange(data, {
        ...chunkOpts,
        ...c,
        isCancelled: () => opts.signal?.aborted === true,
        onProgress: (d) => {
          chunkDone[i] = d;
          report();
        },
      });
      if (!res.complete) break; // a partial chunk is dropped: resuming redoes it whole
      results.set(i, res);
      fold();
    }
  } else {
    const pool = opts.pool;
    const shared = toShared(data);
    const lanes = Math.max(1, Math.min(opts.jobs ?? 2 * pool.size, chunks.length));
    let next = 0;
    let failure: unknown = null;
    const lane = async () => {
      while (next < chunks.length && failure === null && !opts.signal?.aborted) {
        const i = next++;
        const payload: ScanTaskPayload = { ...shared, ...chunkOpts, ...chunks[i]! };
        try {
          const res = await pool.run('scan', payload, {
            priority: opts.priority,
            signal: opts.signal,
            onProgress: (d) => {
              chunkDone[i] = d;
              report();
            },
          });
          chunkDone[i] = chunks[i]!.end - chunks[i]!.start;
          results.set(i, res);
          fold();
          report();
        } catch (err) {
          if (!isAbort(err, opts.signal)) failure ??= err;
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    if (failure !== null) throw failure;
  }
  report();
  if (folded !== chunks.length) return state;
  const hits = opts.mapping && opts.mapping !== 'unknown' ? applyPointerTables(data, opts.mapping, state.hits, r) : state.hits;
  return { hits, nextOffset: r.end, complete: true, ...(state.skipped ? { skipped: state.skipped } : {}) };
}

type SharedRom = Pick<ScanTaskPayload, 'rom' | 'byteOffset' | 'length'>;

/**
 * Shared copies of ROMs scanned before, so a resumed or repeated scan copies nothing. ROM bytes
 * are treated as immutable (a Rom never changes; an edit makes new bytes).
 */
const sharedCopies = new WeakMap<Uint8Array, SharedRom>();

/** The ROM in shared memory: as is when it already is, else one copy (kept for later scans). */
function toShared(data: Uint8Array): SharedRom {
  if (data.buffer instanceof SharedArrayBuffer) return { rom: data.buffer, byteOffset: data.byteOffset, length: data.length };
  let shared = sharedCopies.get(data);
  if (!shared) {
    const sab = new SharedArrayBuffer(data.length);
    new Uint8Array(sab).set(data);
    shared = { rom: sab, byteOffset: 0, length: data.length };
    sharedCopies.set(data, shared);
  }
  return shared;
}
