/** The 64-byte internal header's fields (shared/docs/snes-formats.md section 1). */
import { hex } from '../format';

export const HEADER_SIZE = 0x40;
export const HEADER_BASES = { lorom: 0x7fc0, hirom: 0xffc0, exhirom: 0x40ffc0 } as const;

export interface HeaderFields {
  /** ASCII / JIS X 0201 title with trailing spaces (and NULs) trimmed. */
  title: string;
  mapMode: number;
  chipset: number;
  romSizeCode: number;
  ramSizeCode: number;
  region: number;
  developerId: number;
  version: number;
  complement: number;
  checksum: number;
  /** Emulation-mode RESET vector. */
  resetVector: number;
}

const REGIONS: Record<number, string> = {
  0x00: 'Japan',
  0x01: 'North America',
  0x02: 'Europe',
  0x03: 'Sweden / Scandinavia',
  0x04: 'Finland',
  0x05: 'Denmark',
  0x06: 'France',
  0x07: 'Netherlands',
  0x08: 'Spain',
  0x09: 'Germany',
  0x0a: 'Italy',
  0x0b: 'China',
  0x0c: 'Indonesia',
  0x0d: 'South Korea',
  0x0e: 'International',
  0x0f: 'Canada',
  0x10: 'Brazil',
  0x11: 'Australia',
};

export function regionName(code: number): string {
  return REGIONS[code] ?? `Unknown (${hex(code, 2)})`;
}

const COPROCESSORS: Record<number, string> = {
  0x0: 'DSP',
  0x1: 'Super FX (GSU)',
  0x2: 'OBC1',
  0x3: 'SA-1',
  0x4: 'S-DD1',
  0x5: 'S-RTC',
  0xe: 'Other (Super Game Boy / Satellaview)',
  0xf: 'Custom (SPC7110 / ST01x / ST018 / CX4)',
};

/** A readable name for the cartridge-type byte (0x16). */
export function chipsetName(code: number): string {
  const low = code & 0x0f;
  const parts = ['ROM'];
  if (low === 1 || low === 2 || low === 4 || low === 5) parts.push('RAM');
  if (low === 2 || low === 5 || low === 6) parts.push('battery');
  if (low >= 3 && low <= 6) parts.push(COPROCESSORS[code >> 4] ?? 'coprocessor');
  if (low > 6) return `Unknown (${hex(code, 2)})`;
  return parts.join(' + ');
}

/** Map-mode byte names (0x15), speed bit included. */
export function mapModeName(code: number): string {
  const speed = code & 0x10 ? 'FastROM' : 'SlowROM';
  const kinds: Record<number, string> = {
    0x0: 'LoROM',
    0x1: 'HiROM',
    0x2: 'LoROM + S-DD1',
    0x3: 'LoROM + SA-1',
    0x5: 'ExHiROM',
    0xa: 'HiROM + SPC7110',
  };
  if ((code & 0xe0) !== 0x20) return `Unknown (${hex(code, 2)})`;
  return `${kinds[code & 0x0f] ?? 'Unknown'} (${speed})`;
}

function decodeTitle(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else if (b >= 0xa1 && b <= 0xdf)
      s += String.fromCharCode(0xff61 + (b - 0xa1)); // JIS X 0201 katakana
    else if (b === 0) s += ' ';
    else s += '\uFFFD';
  }
  return s.replace(/\s+$/u, '');
}

/** Title bytes count as printable: ASCII, JIS X 0201 katakana, or NUL padding. */
export function titlePrintable(bytes: Uint8Array): boolean {
  let letters = 0;
  for (const b of bytes) {
    const ok = (b >= 0x20 && b < 0x7f) || (b >= 0xa1 && b <= 0xdf) || b === 0;
    if (!ok) return false;
    if (b > 0x20) letters++;
  }
  return letters > 0;
}

export function readHeaderFields(data: Uint8Array, base: number): HeaderFields {
  const u8 = (o: number) => data[base + o]!;
  const u16 = (o: number) => data[base + o]! | (data[base + o + 1]! << 8);
  return {
    title: decodeTitle(data.subarray(base, base + 21)),
    mapMode: u8(0x15),
    chipset: u8(0x16),
    romSizeCode: u8(0x17),
    ramSizeCode: u8(0x18),
    region: u8(0x19),
    developerId: u8(0x1a),
    version: u8(0x1b),
    complement: u16(0x1c),
    checksum: u16(0x1e),
    resetVector: u16(0x3c),
  };
}
