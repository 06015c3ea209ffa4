/**
 * The task registry: kind -> handler, run inside the workers (worker-main.ts serves it). Adding a
 * task is one entry here; its payload/result/progress types flow to `WorkerPool.run` through
 * `TaskMap` (protocol.ts). Payloads and results cross threads by structured clone; ArrayBuffers in
 * a result are transferred back, not copied.
 */
import { scanTask } from '../scan/task';
import { makeThumbnail, type ThumbRequest, type ThumbResult } from '../thumbs/thumbnail';
import type { TaskContext, TaskRegistry } from './protocol';

export const tasks = {
  /** Scans offsets [start, end) of a ROM shared by all chunks for HAL blocks (src/core/scan). */
  scan: scanTask,
  /**
   * Indexed-pixel thumbnails of several blocks of one ROM. `rom` is a SharedArrayBuffer holding the
   * headerless ROM: every worker reads the same memory, nothing is copied per task. A block that
   * fails to decode comes back as an error string in its slot, not as a failed task.
   */
  thumbnails(payload: { rom: SharedArrayBuffer; requests: ThumbRequest[] }, ctx: TaskContext): (ThumbResult | { romOffset: number; error: string })[] {
    const data = new Uint8Array(payload.rom);
    return payload.requests.map((req) => {
      ctx.throwIfCancelled();
      try {
        return makeThumbnail(data, req);
      } catch (err) {
        return { romOffset: req.romOffset, error: (err as Error).message };
      }
    });
  },
} satisfies TaskRegistry;
