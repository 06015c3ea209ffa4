/**
 * The ROM scanner: finds HAL-compressed graphics anywhere in a ROM (and, on request, uncompressed
 * tile regions), each block once at its true start, with its exact compressed size.
 *
 * - `scanRange(data, opts)`: synchronous, single-threaded, over offsets [start, end).
 * - `scanRom(data, opts)`: the same over the whole range in chunks on a WorkerPool (or inline),
 *   with progress, cancellation (resolves with `complete: false`) and resume (`resume: state`).
 * - `makeScanTestRom(...)`: generated ROMs with known blocks (tests and bench).
 * Offsets are headerless ROM offsets.
 */
export {
  DEFAULT_MIN_TILES,
  DEFAULT_MIN_CONFIDENCE,
  CONFIDENCES,
  meetsConfidence,
  reportedHits,
  type Confidence,
  type ScanHit,
  type ScanOptions,
  type ScanState,
} from './types';
export {
  hideBlocks,
  hiddenStreams,
  scoreHidden,
  corpusSlices,
  holdsGraphics,
  fillerRuns,
  CORPUS_SHEETS,
  VRAM_TILE_AREAS,
  plantRawSlices,
  scoreRawPlants,
  type HideOptions,
  type RawPlantScore,
  type HiddenBlock,
  type HiddenRom,
  type HiddenPlace,
  type HiddenScore,
} from './hidden-blocks';
export { sparseSheetStreams, SPARSE_TILES } from './sparse-samples';
export { scanRange, MIN_HAL_SCORE, type ScanRangeOptions } from './scan-range';
export { scanRom, CHUNK as SCAN_CHUNK, type ScanRomOptions } from './scan-rom';
export { makeScanTestRom, type ScanTestRom, type ScanTestRomOptions, type KnownBlock, type KnownRawRegion } from './synthetic';
export type { ScanTaskPayload } from './task';
