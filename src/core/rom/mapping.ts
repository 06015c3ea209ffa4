/**
 * SNES address mappings: bus address ($BB:AAAA) <-> headerless file offset, for every mapping the
 * header detector reports. Facts in shared/docs/snes-formats.md section 1.
 */
export type Mapping = 'lorom' | 'hirom' | 'exhirom' | 'sa1' | 'exlorom' | 'unknown';

export const MAPPINGS: readonly Mapping[] = ['lorom', 'hirom', 'exhirom', 'sa1', 'exlorom', 'unknown'];

const MiB = 0x100000;

/** Headerless file offset for a 24-bit SNES address, or null when the address maps no ROM byte. */
export function snesToOffset(mapping: Mapping, snes: number): number | null {
  if (!Number.isInteger(snes) || snes < 0 || snes > 0xffffff) return null;
  const bank = snes >>> 16;
  const addr = snes & 0xffff;
  switch (mapping) {
    case 'lorom':
      if (addr < 0x8000 || bank === 0x7e || bank === 0x7f) return null;
      return (bank & 0x7f) * 0x8000 + (addr - 0x8000);
    case 'exlorom':
      if (addr < 0x8000 || bank === 0x7e || bank === 0x7f) return null;
      return bank >= 0x80 ? (bank & 0x7f) * 0x8000 + (addr - 0x8000) : 0x400000 + bank * 0x8000 + (addr - 0x8000);
    case 'hirom':
      if (bank >= 0xc0) return ((bank & 0x3f) << 16) | addr;
      if (bank >= 0x40 && bank <= 0x7d) return ((bank & 0x3f) << 16) | addr;
      if ((bank <= 0x3f || (bank >= 0x80 && bank <= 0xbf)) && addr >= 0x8000) return ((bank & 0x3f) << 16) | addr;
      return null;
    case 'exhirom':
      if (bank >= 0xc0) return ((bank & 0x3f) << 16) | addr;
      if (bank >= 0x40 && bank <= 0x7d) return 0x400000 + (((bank - 0x40) << 16) | addr);
      if (bank >= 0x80 && bank <= 0xbf && addr >= 0x8000) return ((bank & 0x3f) << 16) | addr;
      if (bank <= 0x3f && addr >= 0x8000) return 0x400000 + ((bank << 16) | addr);
      return null;
    case 'sa1': {
      if (bank >= 0xc0) return ((bank & 0x3f) << 16) | addr; // C0-CF chunk 0 ... F0-FF chunk 3
      if (addr < 0x8000) return null;
      let chunk: number;
      if (bank <= 0x1f) chunk = 0;
      else if (bank <= 0x3f) chunk = 1;
      else if (bank >= 0x80 && bank <= 0x9f) chunk = 2;
      else if (bank >= 0xa0 && bank <= 0xbf) chunk = 3;
      else return null;
      return chunk * MiB + (bank & 0x1f) * 0x8000 + (addr - 0x8000);
    }
    case 'unknown':
      return null;
  }
}

/** The canonical SNES address of a headerless file offset, or null when the mapping cannot reach it. */
export function offsetToSnes(mapping: Mapping, offset: number): number | null {
  if (!Number.isInteger(offset) || offset < 0) return null;
  switch (mapping) {
    case 'lorom':
      // Banks $80-$FF (the FastROM mirror): one form for every offset, never colliding with WRAM.
      if (offset >= 0x400000) return null;
      return ((0x80 | (offset >>> 15)) << 16) | (0x8000 + (offset & 0x7fff));
    case 'exlorom':
      if (offset < 0x400000) return ((0x80 | (offset >>> 15)) << 16) | (0x8000 + (offset & 0x7fff));
      if (offset >= 0x400000 + 0x7e * 0x8000) return null;
      return (((offset - 0x400000) >>> 15) << 16) | (0x8000 + (offset & 0x7fff));
    case 'hirom':
      if (offset >= 0x400000) return null;
      return ((0xc0 | (offset >>> 16)) << 16) | (offset & 0xffff);
    case 'exhirom':
      if (offset < 0x400000) return ((0xc0 | (offset >>> 16)) << 16) | (offset & 0xffff);
      if (offset >= 0x400000 + 0x3e0000) return null;
      return ((0x40 + ((offset - 0x400000) >>> 16)) << 16) | (offset & 0xffff);
    case 'sa1':
      if (offset >= 0x400000) return null;
      return ((0xc0 | (offset >>> 16)) << 16) | (offset & 0xffff);
    case 'unknown':
      return null;
  }
}

/**
 * Every SNES address that reads the byte at `offset` (the canonical one first): what a pointer to
 * that byte may hold. Used to find pointers to a block that is about to move.
 */
export function snesMirrors(mapping: Mapping, offset: number): number[] {
  const canonical = offsetToSnes(mapping, offset);
  if (canonical === null) return [];
  const out = new Set<number>([canonical]);
  const add = (snes: number) => {
    if (snesToOffset(mapping, snes) === offset) out.add(snes);
  };
  const bank = canonical >>> 16;
  const addr = canonical & 0xffff;
  switch (mapping) {
    case 'lorom':
      add(((bank & 0x7f) << 16) | addr);
      break;
    case 'hirom':
      add((((bank & 0x3f) | 0x40) << 16) | addr);
      add((((bank & 0x3f) | 0x80) << 16) | addr);
      add(((bank & 0x3f) << 16) | addr);
      break;
    case 'exhirom':
      if (bank >= 0xc0) add((((bank & 0x3f) | 0x80) << 16) | addr);
      else add(((bank - 0x40) << 16) | addr);
      break;
    case 'sa1': {
      const chunk = offset >>> 20;
      const inChunk = offset & (MiB - 1);
      const loBank = [0x00, 0x20, 0x80, 0xa0][chunk]! + (inChunk >>> 15);
      add((loBank << 16) | (0x8000 + (inChunk & 0x7fff)));
      break;
    }
    default:
      break;
  }
  return [...out];
}
