/**
 * The facade both front ends (the VS Code providers and the CLI) reach the core through: one open
 * ROM and everything composed around it (the shared cache, worker pool and metrics). A capability
 * is written here once and behaves the same in the editor and on the command line; front ends
 * never assemble those pieces themselves.
 */
import { cacheKey, romContentHash, sampleHits, type CacheKey } from '../cache';
import { decode, HAL_CODEC_VERSION } from '../hal';
import { Rom, type RomInfo } from '../rom';
import { hex } from '../format';
import { makeThumbnail, type ThumbRequest, type ThumbResult } from '../thumbs/thumbnail';
import { scanRom, type ScanState } from '../scan';

/** Bump when the scanner's results change for the same bytes: cached scans key on it. */
export const SCANNER_VERSION = 'scan-8';

export interface SessionScanOptions {
  minTiles?: number;
  includeRaw?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  priority?: number;
}
import { createServices, type SessionServices } from './services';

function scanParams(opts: Pick<SessionScanOptions, 'minTiles' | 'includeRaw'>): { minTiles: number; includeRaw: boolean } {
  return { minTiles: opts.minTiles ?? 16, includeRaw: opts.includeRaw ?? false };
}

export interface DecodedBlock {
  romOffset: number;
  data: Uint8Array;
  consumed: number;
}

export type ThumbOutcome = ThumbResult | { romOffset: number; error: string };

/** Thumbnails a worker renders in one task: enough to amortise the message, few enough to stream. */
const THUMBS_PER_TASK = 8;

export class RomSession {
  private current: Rom;
  private hash: string | null = null;
  private shared: SharedArrayBuffer | null = null;

  private constructor(
    rom: Rom,
    readonly services: SessionServices,
    private readonly ownsServices: boolean,
  ) {
    this.current = rom;
  }

  /**
   * Parses the bytes as a ROM (throws RomLoadError with a clear message when they cannot be one).
   * Without services, the session makes a private memory-only set and disposes it with itself.
   */
  static open(fileBytes: Uint8Array, name = 'ROM', services?: SessionServices): RomSession {
    const own = services ?? createServices();
    const rom = own.metrics.time('rom.open', () => new Rom(fileBytes, name), { bytes: fileBytes.length });
    return new RomSession(rom, own, services === undefined);
  }

  get rom(): Rom {
    return this.current;
  }

  /** The on-disk bytes (copier header included). */
  get bytes(): Uint8Array {
    return this.current.file;
  }

  /** SHA-256 of the headerless bytes: the ROM's identity for the catalog and the cache. */
  get romHash(): string {
    this.hash ??= romContentHash(this.current.data);
    return this.hash;
  }

  /**
   * Replaces the bytes after an edit, undo or revert; the header is read again. Cached results
   * that covered none of `editedFileRanges` (on-disk offsets) carry over to the new content.
   */
  update(fileBytes: Uint8Array, editedFileRanges?: readonly { start: number; end: number }[]): void {
    this.lastEdit = editedFileRanges ? editedFileRanges.map((r) => ({ ...r })) : null;
    const oldHash = this.hash;
    this.current = new Rom(fileBytes, this.current.name);
    this.hash = null;
    this.shared = null;
    if (oldHash && editedFileRanges) {
      const h = this.current.copierHeaderSize;
      const ranges = editedFileRanges.map((r) => ({ start: Math.max(0, r.start - h), end: Math.max(0, r.end - h) }));
      this.services.cache.carryOver(oldHash, this.romHash, ranges);
    }
  }

  /**
   * On-disk ranges the last update changed (an edit, its undo or redo), or null when the bytes
   * were replaced as a whole (revert, reload): views decide what to decode or scan again.
   */
  get lastEditedRanges(): readonly { start: number; end: number }[] | null {
    return this.lastEdit;
  }

  private lastEdit: { start: number; end: number }[] | null = null;

  info(): RomInfo {
    return this.current.info();
  }

  /** HAL-decodes the block at a headerless offset, through the cache. Throws HalDecodeError. */
  async decodeBlock(romOffset: number): Promise<DecodedBlock> {
    const { metrics, cache } = this.services;
    const key = cacheKey({ romHash: this.romHash, kind: 'decode', offset: romOffset, params: {}, codecVersion: HAL_CODEC_VERSION });
    const cached = await metrics.timeAsync('cache.lookup', () => cache.get<{ data: Uint8Array; consumed: number }>(key));
    if (cached) return { romOffset, data: cached.data, consumed: cached.consumed };
    const data = this.current.data;
    let result;
    try {
      result = metrics.time(
        'hal.decode',
        () => decode(data, romOffset),
        (r) => ({ bytes: r.data.length }),
      );
    } catch (err) {
      metrics.error('decode-failed', err);
      throw err;
    }
    cache.put(key, { data: result.data, consumed: result.consumed }, { covers: { start: romOffset, end: romOffset + result.consumed } });
    return { romOffset, data: result.data, consumed: result.consumed };
  }

  /**
   * Finds the graphics blocks of the ROM on the worker pool. A finished scan of the same bytes
   * comes from the cache at once (`cached: true`); a cancelled one is kept and resumed from where
   * it stopped by the next call.
   */
  async scan(opts: SessionScanOptions = {}): Promise<ScanState & { cached: boolean }> {
    const { cache, metrics, pool } = this.services;
    const params = scanParams(opts);
    const key = this.scanKey(params);
    const previous = this.trustedScan(await metrics.timeAsync('cache.lookup', () => cache.get<ScanState>(key)));
    if (previous?.complete) return { ...previous, cached: true };
    const data = new Uint8Array(this.sharedRom());
    const state = await metrics.timeAsync(
      'scan',
      () =>
        scanRom(data, {
          ...params,
          pool: pool ?? undefined,
          signal: opts.signal,
          onProgress: opts.onProgress,
          resume: previous,
          priority: opts.priority,
          mapping: this.current.mapping,
        }),
      (r) => ({ bytes: r.nextOffset - (previous?.nextOffset ?? 0) }),
    );
    cache.put(key, state);
    return { ...state, cached: false };
  }

  /**
   * A finished scan of these bytes from the cache, without scanning (undefined when there is
   * none): what an editor shows at once, before deciding whether to scan.
   */
  async cachedScan(opts: Pick<SessionScanOptions, 'minTiles' | 'includeRaw'> = {}): Promise<ScanState | undefined> {
    const { cache, metrics } = this.services;
    const previous = this.trustedScan(await metrics.timeAsync('cache.lookup', () => cache.get<ScanState>(this.scanKey(scanParams(opts)))));
    return previous?.complete ? previous : undefined;
  }

  /**
   * A cached scan is a hint, never trusted over the ROM: a sample of its hits must still decode
   * from these bytes, to the sizes it records, or it is not used (the scan runs again).
   */
  private trustedScan(state: ScanState | undefined): ScanState | undefined {
    if (!state) return undefined;
    const data = this.current.data;
    if (state.nextOffset > data.length) return undefined;
    const holds = sampleHits(state.hits).every((h) => {
      if (h.romOffset + h.consumed > data.length) return false;
      if (h.kind === 'raw') return true;
      try {
        const r = decode(data, h.romOffset);
        return r.consumed === h.consumed && r.data.length === h.size;
      } catch {
        return false;
      }
    });
    return holds ? state : undefined;
  }

  private scanKey(params: { minTiles: number; includeRaw: boolean }): CacheKey {
    return cacheKey({ romHash: this.romHash, kind: 'scan', params, codecVersion: `${HAL_CODEC_VERSION}/${SCANNER_VERSION}` });
  }

  /** The headerless ROM in shared memory: worker tasks read it without a copy per task. */
  private sharedRom(): SharedArrayBuffer {
    if (!this.shared) {
      this.shared = new SharedArrayBuffer(this.current.data.length);
      new Uint8Array(this.shared).set(this.current.data);
    }
    return this.shared;
  }

  /**
   * Indexed-pixel thumbnails, from the cache or rendered on the worker pool (inline without one).
   * Results keep the order of the requests; a block that cannot be decoded gets an error entry.
   */
  async thumbnails(requests: readonly ThumbRequest[], opts: { priority?: number; signal?: AbortSignal } = {}): Promise<ThumbOutcome[]> {
    const { cache, metrics, pool } = this.services;
    const hash = this.romHash;
    const keyOf = (r: ThumbRequest) =>
      cacheKey({
        romHash: hash,
        kind: 'thumb',
        offset: r.romOffset,
        params: { kind: r.kind, bpp: r.bpp, w: r.widthTiles, max: r.maxTiles ?? 0, raw: r.rawTiles ?? 0 },
        codecVersion: HAL_CODEC_VERSION,
      });
    const out: (ThumbOutcome | undefined)[] = await Promise.all(requests.map((r) => metrics.timeAsync('cache.lookup', () => cache.get<ThumbResult>(keyOf(r)))));
    const missing = requests.map((r, i) => ({ r, i })).filter(({ i }) => out[i] === undefined);
    const store = async (i: number, res: ThumbOutcome) => {
      out[i] = res;
      if ('error' in res) metrics.error('decode-failed', `thumbnail at ROM offset ${hex(res.romOffset)}: ${res.error}`);
      else cache.put(keyOf(requests[i]!), res, { covers: { start: res.romOffset, end: res.romOffset + res.consumed } });
    };
    if (missing.length > 0) {
      const started = performance.now();
      if (pool) {
        const rom = this.sharedRom();
        const batches: { r: ThumbRequest; i: number }[][] = [];
        for (let k = 0; k < missing.length; k += THUMBS_PER_TASK) batches.push(missing.slice(k, k + THUMBS_PER_TASK));
        await Promise.all(
          batches.map(async (batch) => {
            const results = await pool.run('thumbnails', { rom, requests: batch.map((b) => b.r) }, { priority: opts.priority, signal: opts.signal });
            for (let k = 0; k < batch.length; k++) await store(batch[k]!.i, results[k]!);
          }),
        );
      } else {
        for (const { r, i } of missing) {
          let res: ThumbOutcome;
          try {
            res = makeThumbnail(this.current.data, r);
          } catch (err) {
            res = { romOffset: r.romOffset, error: (err as Error).message };
          }
          await store(i, res);
        }
      }
      const each = (performance.now() - started) / missing.length;
      for (let k = 0; k < missing.length; k++) metrics.record('thumbnail', each, { items: 1 });
    }
    return out as ThumbOutcome[];
  }

  async dispose(): Promise<void> {
    if (this.ownsServices) await this.services.dispose();
  }
}
