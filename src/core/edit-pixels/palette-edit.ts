/**
 * One palette colour written into the ROM: the BGR555 word at the palette's address, and the
 * checksum pair fixed to match (when the ROM has a header), as patches an edit can apply and
 * undo. Refuses a colour or an address that cannot be written, with what and where.
 */
import { SpritePalError } from '../errors';
import { hex } from '../format';
import { readBgr555, writeBgr555 } from '../gfx/color';
import { PALETTE_BYTES } from '../gfx/palette';
import { makePatch, type Patch } from '../edit/patch';
import { fileFingerprint } from '../inject/apply';
import { applyWithChecksumFix } from '../inject/checksum-fix';
import type { InjectionPlan } from '../inject/plan';
import { offsetToSnes } from '../rom/mapping';
import type { Rom } from '../rom/rom';
import { minimalPatches } from './stroke';

export class PaletteEditError extends SpritePalError {
  constructor(message: string) {
    super('palette-edit', message);
    this.name = 'PaletteEditError';
  }
}

/** Largest BGR555 value (bit 15 is not part of the colour). */
export const MAX_BGR555 = 0x7fff;

export interface PaletteColorEdit {
  /** Headerless ROM offset of the 16-colour palette. */
  paletteRomOffset: number;
  /** Colour index in the palette (0-15). */
  index: number;
  /** The new colour, BGR555. */
  color: number;
}

/** Plans writing one colour; the plan's patches hold only the bytes that change (checksum pair included). */
export function planPaletteColor(rom: Rom, edit: PaletteColorEdit): InjectionPlan {
  const { paletteRomOffset: at, index, color } = edit;
  if (!Number.isInteger(at) || at < 0 || at + PALETTE_BYTES > rom.data.length) {
    throw new PaletteEditError(`palette offset ${at} is outside the ${rom.data.length}-byte ROM (a palette is ${PALETTE_BYTES} bytes)`);
  }
  if (!Number.isInteger(index) || index < 0 || index > 15) throw new PaletteEditError(`colour index ${index} is not 0-15`);
  if (!Number.isInteger(color) || color < 0 || color > MAX_BGR555) throw new PaletteEditError(`colour ${color} is not a BGR555 value (0-0x7FFF)`);
  const slot = at + index * 2;
  const header = rom.headerOffset;
  // The internal header (with its extended part and the vectors) is never a palette.
  if (header !== null && slot < header + 0x40 && header - 0x10 < slot + 2) {
    throw new PaletteEditError(`colour ${index} of the palette at ${hex(at)} lies in the ROM's internal header at ${hex(header)}: not a palette`);
  }
  const source = fileFingerprint(rom.file);
  const patches: Patch[] = [makePatch(rom.data, slot, writeBgr555([color]))];
  const { data, checksum } = applyWithChecksumFix(rom, patches);
  if (readBgr555(data, slot, 1)[0] !== color) throw new PaletteEditError(`colour ${index} at ${hex(slot)} did not read back as written`);
  const minimal = minimalPatches(patches, 0);
  return {
    patches: minimal,
    unchanged: minimal.length === 0,
    source,
    moves: [],
    summary: {
      tiles: 0,
      oldSize: 2,
      newSize: 2,
      inPlace: true,
      newRomOffset: slot,
      newSnes: offsetToSnes(rom.mapping, slot),
      pointerCandidates: [],
      pointersUpdated: [],
      padding: 0xff,
      checksum,
      verified: true,
    },
  };
}
