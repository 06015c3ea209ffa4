/**
 * HAL Laboratory compression (Kirby Super Star, EarthBound, Kirby's Dream Land 3, ...): the
 * product's own codec. See docs in ../shared/docs/hal-format.md for the format.
 *
 * - `decode(src, start?, opts?)`: data and bytes consumed; throws HalDecodeError (offset, reason).
 * - `tryDecode(src, start?, opts?)`: the same, or null for a bad stream (no throw).
 * - `decodeInto(src, start, out, opts?)`: decodes into a caller's 64 KiB buffer (contents may be
 *   stale) and returns a status `{ ok, size, consumed }` or `{ ok: false, reason, offset }`;
 *   allocates nothing else, for hot loops such as scanning every offset of a ROM.
 * - `encode(data, { level, maxSize })`: 'optimal' (default), 'greedy' (= inhal -2), 'fast' (= inhal -1).
 */
export { decode, decodeInto, tryDecode, type DecodeOptions, type DecodeResult, type DecodeStatus } from './decode';
export { encode, HAL_LEVELS, type EncodeOptions, type HalLevel } from './encode';
export { HalDecodeError, HalEncodeError, type HalDecodeReason } from './errors';
export { MAX_OUTPUT as HAL_MAX_OUTPUT } from './commands';

/** Bump when encoder output or decoder behaviour changes: caches key on it. */
export const HAL_CODEC_VERSION = 'hal-1';
