/**
 * The last check before an edit is offered for commit: read the patched ROM back the way the game
 * will (decode the block where the pointers now say it is), and compare with what was meant.
 */
import { tryDecode } from '../hal';
import { decodeTiles } from '../gfx/tiles';
import { readChecksumState } from '../rom/checksum';
import { snesToOffset, type Mapping } from '../rom/mapping';
import { hex } from '../format';
import { InjectionRefusedError } from './errors';
import { readPointer } from './pointers';

export interface VerifyInput {
  /** The patched headerless ROM. */
  data: Uint8Array;
  mapping: Mapping;
  headerOffset: number | null;
  kind: 'hal' | 'raw';
  bpp: 2 | 4 | 8;
  /** Where the block now is, and the bytes it occupies there. */
  romOffset: number;
  size: number;
  /** The data the block must hold, and the tile pixels it must decode to. */
  expected: Uint8Array;
  pixels: Uint8Array;
  /** Pointer slots that must now point at romOffset. */
  pointers: number[];
}

export function verifyPatched(v: VerifyInput): void {
  const fail = (why: string) =>
    new InjectionRefusedError('verify-failed', `verification failed for the block at ROM offset ${hex(v.romOffset)}: ${why}; nothing was written`);
  let data: Uint8Array;
  if (v.kind === 'hal') {
    const r = tryDecode(v.data, v.romOffset);
    if (!r) throw fail('it does not decode as a HAL stream');
    if (r.consumed !== v.size) throw fail(`the stream is ${r.consumed} bytes, ${v.size} were written`);
    data = r.data;
  } else data = v.data.subarray(v.romOffset, v.romOffset + v.size);
  if (data.length !== v.expected.length) throw fail(`it holds ${data.length} bytes, ${v.expected.length} expected`);
  const tiles = v.pixels.length / 64;
  const got = decodeTiles(data, v.bpp, tiles);
  const diff = got.findIndex((p, i) => p !== v.pixels[i]);
  if (diff >= 0) throw fail(`tile ${Math.floor(diff / 64)} differs from the image`);
  const byte = data.findIndex((b, i) => b !== v.expected[i]);
  if (byte >= 0) throw fail(`data byte ${byte} differs`);
  for (const slot of v.pointers) {
    const value = readPointer(v.data, slot);
    if (snesToOffset(v.mapping, value) !== v.romOffset) throw fail(`the pointer at ROM offset ${hex(slot)} does not point at the block`);
  }
  if (v.headerOffset !== null && !readChecksumState(v.data, v.headerOffset).valid) throw fail('the checksum pair is not valid');
}
