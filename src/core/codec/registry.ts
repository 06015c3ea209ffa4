/**
 * The registered codecs: every place that handles a block by its codec id (scan, decompress,
 * inject, the gallery protocol, the CLI) looks codecs up here, so adding one is a folder under
 * src/core/codec/ and one line in BUILT_IN. Tests register their own with `registerCodec` and
 * take it away again with the returned handle's `dispose`.
 */
import { SpritePalError } from '../errors';
import type { Codec, CodecId } from './types';
import { halCodec } from './hal';
import { rawCodec } from './raw';
import { lcLz2 } from './lc-lz2';
import { lcLz3 } from './lc-lz3';
import { gbaLz77 } from './gba-lz77';
import { lz4Codec } from './lz4';
import { lzsa1Codec } from './lzsa1';
import { lzsa2Codec } from './lzsa2';
import { zx0Codec } from './zx0';
import { nesdougRleCodec } from './nesdoug-rle';

/** The codecs the product ships, in the order lists and scans show them. */
const BUILT_IN: readonly Codec[] = [
  halCodec, // HAL Laboratory (Kirby, EarthBound)
  rawCodec, // uncompressed tiles
  lcLz2, // Lunar Compress LC_LZ2 (Super Mario World, Yoshi's Island, A Link to the Past)
  lcLz3, // Lunar Compress LC_LZ3 (Super Mario World hacks)
  gbaLz77, // GBA BIOS LZ77 (PVSnesLib)
  lz4Codec, // LZ4 frames (libSFX)
  lzsa1Codec, // LZSA1 raw blocks (lzsa -r)
  lzsa2Codec, // LZSA2 raw blocks (lzsa -r)
  zx0Codec, // ZX0 v2 (salvador)
  nesdougRleCodec, // nesdoug's RLE (M1TE, SPEZ)
];

/** A codec id that names no registered codec (the message lists the known ones). */
export class UnknownCodecError extends SpritePalError {
  constructor(
    readonly id: string,
    known: readonly string[],
  ) {
    super('unknown-codec', `unknown codec "${id}" (known: ${known.join(', ')})`);
    this.name = 'UnknownCodecError';
  }
}

const codecs = new Map<CodecId, Codec>();

/** Ids as written in catalogs, caches, scan JSON and `--codec`: lower-case words joined by hyphens. */
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function check(codec: Codec): void {
  const where = `codec "${codec.id}"`;
  if (!ID_PATTERN.test(codec.id)) throw new RangeError(`${where}: an id is lower-case words joined by hyphens`);
  if (codecs.has(codec.id)) throw new RangeError(`${where} is already registered`);
  if (!Number.isInteger(codec.maxOutput) || codec.maxOutput < 1) throw new RangeError(`${where}: maxOutput must be a positive whole number`);
  if (codec.defaultLevel !== undefined && !codec.levels.includes(codec.defaultLevel)) {
    throw new RangeError(`${where}: default level "${codec.defaultLevel}" is not one of its levels (${codec.levels.join(', ')})`);
  }
}

/**
 * Adds a codec; throws RangeError for an id already taken or a malformed codec. The handle's
 * `dispose` removes it again (what a test does when it is done).
 */
export function registerCodec(codec: Codec): { dispose(): void } {
  check(codec);
  codecs.set(codec.id, codec);
  return {
    dispose() {
      if (codecs.get(codec.id) === codec) codecs.delete(codec.id);
    },
  };
}

for (const codec of BUILT_IN) registerCodec(codec);

/** Every registered codec, built-in ones first, then in the order they were registered. */
export function listCodecs(): Codec[] {
  return [...codecs.values()];
}

/** The ids of every registered codec, in list order. */
export function codecIds(): CodecId[] {
  return [...codecs.keys()];
}

/** The codec with this id, or undefined. */
export function findCodec(id: CodecId): Codec | undefined {
  return codecs.get(id);
}

/** The codec with this id; throws UnknownCodecError (listing the known ids) when there is none. */
export function getCodec(id: CodecId): Codec {
  const codec = codecs.get(id);
  if (!codec) throw new UnknownCodecError(id, codecIds());
  return codec;
}
