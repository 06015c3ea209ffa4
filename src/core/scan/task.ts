/** The worker side of a chunked scan: the 'scan' task registered in ../workers/tasks.ts. */
import type { TaskContext } from '../workers/protocol';
import { scanRange } from './scan-range';
import type { ScanState } from './types';

export interface ScanTaskPayload {
  /**
   * The whole ROM, shared: a SharedArrayBuffer crosses to the worker without being copied, and
   * every chunk of the scan sends the same one (streams run past a chunk's end, so each worker
   * needs all of it). An ArrayBuffer also works, but would be copied per task.
   */
  rom: SharedArrayBuffer | ArrayBuffer;
  byteOffset: number;
  length: number;
  start: number;
  end: number;
  minTiles?: number;
  includeRaw?: boolean;
}

/**
 * Scans offsets [start, end) of the shared ROM. No progress messages from inside a chunk: a chunk
 * takes milliseconds, the pool reports each finished one, and a message per 16 Ki offsets cost
 * both threads more than it told (about a tenth of a worker's time in postMessage).
 */
export function scanTask(payload: ScanTaskPayload, ctx: TaskContext<number>): ScanState {
  const data = new Uint8Array(payload.rom, payload.byteOffset, payload.length);
  return scanRange(data, {
    start: payload.start,
    end: payload.end,
    minTiles: payload.minTiles,
    includeRaw: payload.includeRaw,
    isCancelled: () => ctx.isCancelled(),
  });
}
