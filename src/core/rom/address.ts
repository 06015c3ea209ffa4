/**
 * What users type for an address: `$C0:8000`, `C0:8000`, `$C08000`, `C08000` (SNES bus addresses),
 * `0x1F400` (an on-disk file offset, as a hex editor or exhal shows it) or `128000` (decimal file
 * offset). The result says which form was understood, and every form is checked against the ROM.
 */
import { AddressError } from '../errors';
import { fileOffsetOf, formatSnes, hex } from '../format';
import { offsetToSnes, snesToOffset, type Mapping } from './mapping';

export type AddressForm = 'snes' | 'file-hex' | 'file-decimal';

export interface ResolvedAddress {
  form: AddressForm;
  /** On-disk file offset (copier header included). */
  fileOffset: number;
  /** Headerless ROM offset. */
  romOffset: number;
  /** Canonical SNES address of the byte, null when the mapping is unknown. */
  snes: number | null;
  /** One line: how the input was understood. */
  description: string;
}

export interface AddressContext {
  mapping: Mapping;
  /** Headerless ROM size. */
  romSize: number;
  copierHeaderSize: number;
}

const SNES_FORMS = [/^\$([0-9a-f]{1,2}):?([0-9a-f]{4})$/i, /^([0-9a-f]{2}):([0-9a-f]{4})$/i];

export function parseAddress(input: string, ctx: AddressContext): ResolvedAddress {
  const text = input.trim();
  if (text === '') throw new AddressError('empty address: give a SNES address ($C0:8000), a file offset (0x1F400) or a decimal offset');

  let snesMatch: RegExpMatchArray | null = null;
  for (const re of SNES_FORMS) snesMatch ??= text.match(re);
  if (!snesMatch && /^[0-9a-f]{6}$/i.test(text) && /[a-f]/i.test(text)) snesMatch = [text, text.slice(0, 2), text.slice(2)];

  if (snesMatch) {
    const snes = (parseInt(snesMatch[1]!, 16) << 16) | parseInt(snesMatch[2]!, 16);
    if (ctx.mapping === 'unknown') {
      throw new AddressError(`"${input}" is a SNES address, but this ROM's mapping is unknown: give a file offset (0x...) instead`);
    }
    const romOffset = snesToOffset(ctx.mapping, snes);
    if (romOffset === null) throw new AddressError(`"${input}" (${formatSnes(snes)}) maps to no ROM byte in ${ctx.mapping}`);
    if (romOffset >= ctx.romSize) {
      throw new AddressError(`"${input}" (${formatSnes(snes)}) is ROM offset ${hex(romOffset)}, past the end of this ${ctx.romSize}-byte ROM`);
    }
    const fileOffset = fileOffsetOf(romOffset, ctx.copierHeaderSize);
    return { form: 'snes', fileOffset, romOffset, snes, description: `SNES address ${formatSnes(snes)} (${ctx.mapping}) = file offset ${hex(fileOffset)}` };
  }

  let fileOffset: number;
  let form: AddressForm;
  if (/^0x[0-9a-f]+$/i.test(text)) {
    fileOffset = parseInt(text.slice(2), 16);
    form = 'file-hex';
  } else if (/^[0-9]+$/.test(text)) {
    fileOffset = parseInt(text, 10);
    form = 'file-decimal';
  } else {
    throw new AddressError(`"${input}" is not an address: use $BB:AAAA or BB:AAAA (SNES), 0x... (file offset) or a decimal file offset`);
  }
  const fileSize = ctx.romSize + ctx.copierHeaderSize;
  if (fileOffset >= fileSize) throw new AddressError(`"${input}" is file offset ${hex(fileOffset)}, past the end of the ${fileSize}-byte file`);
  if (fileOffset < ctx.copierHeaderSize)
    throw new AddressError(`"${input}" is file offset ${hex(fileOffset)}, inside the ${ctx.copierHeaderSize}-byte copier header`);
  const romOffset = fileOffset - ctx.copierHeaderSize;
  const snes = offsetToSnes(ctx.mapping, romOffset);
  const snesText = snes === null ? '' : ` (SNES ${formatSnes(snes)})`;
  return {
    form,
    fileOffset,
    romOffset,
    snes,
    description: `file offset ${hex(fileOffset)}${form === 'file-decimal' ? ` (decimal ${fileOffset})` : ''}${snesText}`,
  };
}
