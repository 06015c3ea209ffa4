/**
 * The facade both front ends (the VS Code providers and the CLI) reach the core through: one open
 * ROM and everything composed around it (the shared cache, worker pool and metrics). A capability
 * is written here once and behaves the same in the editor and on the command line; front ends
 * never assemble those pieces themselves.
 */
import { cacheKey, romContentHash } from '../cache';
import { decode, HAL_CODEC_VERSION } from '../hal';
import { Rom, type RomInfo } from '../rom';
import { createServices, type SessionServices } from './services';

export interface DecodedBlock {
  romOffset: number;
  data: Uint8Array;
  consumed: number;
}

export class RomSession {
  private current: Rom;
  private hash: string | null = null;

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
    const oldHash = this.hash;
    this.current = new Rom(fileBytes, this.current.name);
    this.hash = null;
    if (oldHash && editedFileRanges) {
      const h = this.current.copierHeaderSize;
      const ranges = editedFileRanges.map((r) => ({ start: Math.max(0, r.start - h), end: Math.max(0, r.end - h) }));
      this.services.cache.carryOver(oldHash, this.romHash, ranges);
    }
  }

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
      result = metrics.time('hal.decode', () => decode(data, romOffset), (r) => ({ bytes: r.data.length }));
    } catch (err) {
      metrics.error('decode-failed', err);
      throw err;
    }
    await cache.set(key, { data: result.data, consumed: result.consumed }, { covers: { start: romOffset, end: romOffset + result.consumed } });
    return { romOffset, data: result.data, consumed: result.consumed };
  }

  async dispose(): Promise<void> {
    if (this.ownsServices) await this.services.dispose();
  }
}
