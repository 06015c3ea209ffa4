/**
 * `--offset` for commands that read a file that may or may not be a ROM: for a ROM every address
 * form the ROM parser accepts ($BB:AAAA, BB:AAAA, 0x..., decimal); for any other file an on-disk
 * offset (0x... or decimal). The result is always an on-disk file offset.
 */
import { Rom } from '../core/rom';
import { formatSnes } from '../core/format';
import { UsageError } from './command';

export interface OffsetArg {
  fileOffset: number;
  /** `$BB:AAAA` when the file is a ROM with a known mapping. */
  snes: string | null;
  rom: Rom | null;
}

/** Parses the file as a ROM when it can be one; null otherwise (a raw dump, a .hal stream). */
export function tryRom(bytes: Uint8Array, name: string): Rom | null {
  if (bytes.length < 32 * 1024) return null;
  try {
    return new Rom(bytes, name);
  } catch {
    return null;
  }
}

export function resolveOffsetArg(bytes: Uint8Array, name: string, text: string | undefined): OffsetArg {
  const rom = tryRom(bytes, name);
  if (text === undefined) return { fileOffset: 0, snes: null, rom };
  if (rom) {
    const r = rom.resolveAddress(text);
    return { fileOffset: r.fileOffset, snes: formatSnes(r.snes), rom };
  }
  const t = text.trim();
  const n = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t.slice(2), 16) : /^\d+$/.test(t) ? parseInt(t, 10) : NaN;
  if (!Number.isInteger(n)) throw new UsageError(`--offset "${text}" is not a file offset (use 0x... or decimal; SNES addresses need a ROM)`);
  if (n >= bytes.length) throw new UsageError(`--offset ${text} is past the end of the ${bytes.length}-byte file`);
  return { fileOffset: n, snes: null, rom };
}
