/**
 * Every compression family behind one interface (types.ts), and the registry of the ones the
 * product knows (registry.ts). Callers look codecs up by id; the codec objects are exported for
 * code that names one on purpose (tests, benchmarks).
 */
export * from './types';
export { codecIds, findCodec, getCodec, listCodecs, registerCodec, UnknownCodecError } from './registry';
export { halCodec } from './hal';
export { rawCodec } from './raw';
export { lcLz2 } from './lc-lz2';
export { lcLz3 } from './lc-lz3';
export { gbaLz77 } from './gba-lz77';
