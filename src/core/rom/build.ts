/**
 * Building a ROM image from scratch: a valid internal header for the chosen mapping, a RESET
 * handler, and a correct checksum. The demo ROM, the benchmarks and the tests' fixtures use it.
 */
import { checksumBytes, computeChecksum } from './checksum';
import { HEADER_BASES } from './header';
import type { Mapping } from './mapping';

export interface BuildRomOptions {
  mapping: Exclude<Mapping, 'unknown'>;
  /** Headerless size in bytes (need not be a power of two). */
  size: number;
  title?: string;
  region?: number;
  version?: number;
  ramSizeCode?: number;
  /** Fill byte for unused space (0xFF like an erased EPROM by default). */
  fill?: number;
  /** Add a 512-byte copier header in front. */
  copierHeader?: boolean;
  /** Called with the headerless data before the checksum is computed, to place content. */
  content?: (data: Uint8Array) => void;
  /** Leave the checksum pair wrong (for tests of detection and fixing). */
  breakChecksum?: boolean;
}

const MAP_MODE: Record<BuildRomOptions['mapping'], number> = { lorom: 0x20, hirom: 0x21, exhirom: 0x25, sa1: 0x23, exlorom: 0x20 };

export function headerBaseFor(mapping: BuildRomOptions['mapping']): number {
  if (mapping === 'hirom') return HEADER_BASES.hirom;
  if (mapping === 'exhirom') return HEADER_BASES.exhirom;
  return HEADER_BASES.lorom;
}

/** Headerless offset of the RESET handler we place, for each mapping (bank 0, $8000). */
function resetHandlerOffset(mapping: BuildRomOptions['mapping']): number {
  if (mapping === 'hirom') return 0x8000;
  if (mapping === 'exhirom') return 0x408000;
  return 0;
}

export function buildRom(opts: BuildRomOptions): Uint8Array {
  const base = headerBaseFor(opts.mapping);
  if (opts.size < base + 0x40) throw new Error(`a ${opts.mapping} ROM needs at least ${base + 0x40} bytes`);
  const data = new Uint8Array(opts.size).fill(opts.fill ?? 0xff);

  // RESET handler: SEI; CLC; XCE; then loop forever (BRA -2).
  const reset = resetHandlerOffset(opts.mapping);
  data.set([0x78, 0x18, 0xfb, 0x80, 0xfe], reset);

  const title = (opts.title ?? 'SPRITEPAL TEST').toUpperCase().slice(0, 21).padEnd(21, ' ');
  for (let i = 0; i < 21; i++) data[base + i] = title.charCodeAt(i) & 0x7f;
  data[base + 0x15] = MAP_MODE[opts.mapping];
  data[base + 0x16] = opts.mapping === 'sa1' ? 0x35 : opts.ramSizeCode ? 0x02 : 0x00;
  let code = 0;
  while (1024 * 2 ** code < opts.size) code++;
  data[base + 0x17] = code;
  data[base + 0x18] = opts.ramSizeCode ?? 0;
  data[base + 0x19] = opts.region ?? 1;
  data[base + 0x1a] = 0x00;
  data[base + 0x1b] = opts.version ?? 0;
  // Native and emulation vectors: every one points at the handler's $8000 in bank 0.
  for (let v = 0x20; v < 0x40; v += 2) {
    data[base + v] = 0x00;
    data[base + v + 1] = 0x80;
  }
  opts.content?.(data);
  const sum = computeChecksum(data, base);
  data.set(checksumBytes(opts.breakChecksum ? (sum + 0x1234) & 0xffff : sum), base + 0x1c);

  if (!opts.copierHeader) return data;
  const file = new Uint8Array(opts.size + 512);
  file.set(data, 512);
  return file;
}
