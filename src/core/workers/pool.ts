/**
 * A small pool of worker threads of our own. Why not piscina: its pool starts its own worker
 * script from node_modules, which esbuild bundling cannot follow, so a bundled pool dies with
 * "worker exited with code: 0". (tinypool has the same design; workerpool bundles, but has no
 * priorities and cancels only by terminating the worker.) This pool runs one script we bundle
 * ourselves (dist/worker.js, from worker-main.ts).
 *
 * - Tasks are queued by priority (higher first), FIFO within a priority.
 * - Workers start lazily, up to `size`, when work arrives; an idle worker is unref'd so it never
 *   keeps the process alive on its own.
 * - Buffers listed in `transfer` are moved, not copied: detached from the caller as `run` returns.
 * - Cancellation: a queued task is dropped; a running task's worker is told through a shared flag
 *   and a 'cancel' message, and is terminated and replaced if it has not answered within
 *   `cancelGraceMs`. The promise rejects at once with TaskCancelledError either way.
 * - A worker that crashes (uncaught error, unexpected exit) rejects its task with WorkerCrashError
 *   and is replaced by the next task that needs a worker.
 */
import { availableParallelism } from 'node:os';
import { Worker, type TransferListItem } from 'node:worker_threads';
import { PoolDisposedError, TaskCancelledError, WorkerCrashError, WorkerTaskError } from './errors';
import { PriorityQueue } from './priority-queue';
import type { TaskMap, TaskTypes, WorkerRequest, WorkerResponse } from './protocol';

export interface WorkerPoolOptions {
  /** Absolute path of the worker script (dist/worker.js, or a test fixture that calls serveTasks). */
  script: string;
  /** Most workers running at once (default: os.availableParallelism()). */
  size?: number;
  /** Given to every worker (handlers read it as ctx.workerData). */
  workerData?: unknown;
  /** How long a cancelled running task may take to answer before its worker is terminated (default 2000 ms). */
  cancelGraceMs?: number;
}

export interface RunOptions<T extends TaskTypes = TaskTypes> {
  /** Higher runs first (default 0). */
  priority?: number;
  signal?: AbortSignal;
  /** Buffers in the payload to move to the worker instead of copying (detached once `run` returns). */
  transfer?: TransferListItem[];
  /** Called with each progress report of the running task. */
  onProgress?: (progress: T['progress']) => void;
}

export interface PoolStats {
  /** Configured maximum number of workers. */
  size: number;
  /** Workers alive now (they start lazily). */
  workers: number;
  busy: number;
  queued: number;
  completed: number;
  failed: number;
  cancelled: number;
  /** Workers lost to an uncaught error or an unexpected exit. */
  crashed: number;
}

export type PoolEvent =
  { type: 'worker-started'; threadId: number } | { type: 'worker-stopped'; threadId: number; reason: 'crash' | 'unresponsive' | 'disposed' };

export interface Disposable {
  dispose(): void;
}

interface Job {
  id: number;
  kind: string;
  payload: unknown;
  transfer: TransferListItem[];
  priority: number;
  onProgress?: (progress: unknown) => void;
  resolve(value: unknown): void;
  reject(err: Error): void;
  settled: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
  slot?: Slot;
}

interface Slot {
  worker: Worker;
  threadId: number;
  /** Shared with the worker: slot 0 holds the id of the task asked to cancel. */
  control: Int32Array;
  job: Job | null;
  stopping: boolean;
  cancelTimer?: NodeJS.Timeout;
}

type Outcome = 'completed' | 'failed' | 'cancelled' | 'disposed';

export class WorkerPool<M extends { [K in keyof M]: TaskTypes } = TaskMap> {
  readonly size: number;
  private readonly script: string;
  private readonly workerData: unknown;
  private readonly cancelGraceMs: number;
  private readonly queue = new PriorityQueue<Job>();
  private readonly slots: Slot[] = [];
  private readonly statsListeners = new Set<(stats: PoolStats) => void>();
  private readonly eventListeners = new Set<(event: PoolEvent) => void>();
  private readonly counts = { completed: 0, failed: 0, cancelled: 0, crashed: 0 };
  private nextId = 1;
  private disposed = false;

  constructor(options: WorkerPoolOptions) {
    this.script = options.script;
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.workerData = options.workerData;
    this.cancelGraceMs = options.cancelGraceMs ?? 2000;
  }

  /** Runs `kind` on `payload` in a worker; resolves with the handler's result. */
  run<K extends keyof M & string>(kind: K, payload: M[K]['payload'], options: RunOptions<M[K]> = {}): Promise<M[K]['result']> {
    if (this.disposed) return Promise.reject(new PoolDisposedError());
    const id = this.nextId++;
    if (options.signal?.aborted) return Promise.reject(cancelledError(kind, id));
    let moved = { payload: payload as unknown, transfer: options.transfer ?? [] };
    try {
      // Move the buffers now, so the caller's copies are detached even while the task waits in the queue.
      if (moved.transfer.length > 0) moved = structuredClone(moved, { transfer: moved.transfer as Transferable[] });
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<M[K]['result']>((resolve, reject) => {
      const job: Job = {
        id,
        kind,
        payload: moved.payload,
        transfer: moved.transfer,
        priority: options.priority ?? 0,
        onProgress: options.onProgress as ((progress: unknown) => void) | undefined,
        resolve: resolve as (value: unknown) => void,
        reject,
        settled: false,
        signal: options.signal,
      };
      if (job.signal) {
        job.onAbort = () => this.cancel(job);
        job.signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
      this.emitStats();
    });
  }

  stats(): PoolStats {
    return {
      size: this.size,
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.job).length,
      queued: this.queue.length,
      ...this.counts,
    };
  }

  /** Called with a fresh snapshot whenever the stats change. */
  onStats(listener: (stats: PoolStats) => void): Disposable {
    this.statsListeners.add(listener);
    return { dispose: () => this.statsListeners.delete(listener) };
  }

  /** Worker lifecycle events (started, stopped and why). */
  onEvent(listener: (event: PoolEvent) => void): Disposable {
    this.eventListeners.add(listener);
    return { dispose: () => this.eventListeners.delete(listener) };
  }

  /** Terminates every worker and rejects queued and running tasks with PoolDisposedError. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const job of this.queue.drain()) this.settle(job, 'disposed', new PoolDisposedError());
    const stopping = [...this.slots].map((slot) => {
      if (slot.job) this.settle(slot.job, 'disposed', new PoolDisposedError());
      return this.stop(slot, 'disposed');
    });
    await Promise.all(stopping);
    this.statsListeners.clear();
    this.eventListeners.clear();
  }

  /**
   * Starts every worker now instead of at the first task: a worker thread takes tens of
   * milliseconds to boot, which a user opening a ROM should not wait for. Idle workers do not
   * keep the process alive.
   */
  warm(): void {
    while (!this.disposed && this.slots.length < this.size) {
      try {
        this.spawn();
      } catch {
        return; // the first task will report the failure
      }
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        try {
          slot = this.spawn();
        } catch (err) {
          this.settle(this.queue.shift()!, 'failed', err as Error);
          continue;
        }
      }
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.workerData });
    worker.unref(); // referenced only while it runs a task (dispatch)
    const slot: Slot = { worker, threadId: worker.threadId, control: new Int32Array(new SharedArrayBuffer(4)), job: null, stopping: false };
    worker.on('message', (msg: WorkerResponse) => this.onMessage(slot, msg));
    worker.on('error', (err: Error) => this.crash(slot, `uncaught ${err.name}: ${err.message}`));
    worker.on('messageerror', (err: Error) => this.crash(slot, `a message could not be deserialized: ${err.message}`));
    worker.on('exit', (code: number) => this.crash(slot, `it exited with code ${code}`));
    this.slots.push(slot);
    this.emit({ type: 'worker-started', threadId: slot.threadId });
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    const request: WorkerRequest = { type: 'run', id: job.id, kind: job.kind, payload: job.payload, control: slot.control };
    try {
      slot.worker.postMessage(request, job.transfer);
    } catch (err) {
      this.settle(job, 'failed', err as Error);
      return;
    }
    slot.job = job;
    job.slot = slot;
    job.payload = undefined; // the worker has its copy; do not hold large payloads twice
    job.transfer = [];
    slot.worker.ref();
  }

  private onMessage(slot: Slot, msg: WorkerResponse): void {
    const job = slot.job;
    if (!job || msg.id !== job.id) return;
    if (msg.type === 'progress') {
      if (!job.settled) callSafely(job.onProgress, msg.progress);
      return;
    }
    clearTimeout(slot.cancelTimer);
    slot.job = null;
    slot.worker.unref();
    if (msg.type === 'result') this.settle(job, 'completed', msg.result);
    else if (msg.type === 'error') {
      const e = msg.error;
      this.settle(job, 'failed', new WorkerTaskError(e.code ?? 'worker-task', e.name, e.message, e.stack));
    } else this.settle(job, 'cancelled', cancelledError(job.kind, job.id));
    this.pump();
    this.emitStats();
  }

  private cancel(job: Job): void {
    if (job.settled) return;
    const error = cancelledError(job.kind, job.id);
    if (this.queue.remove(job)) {
      this.settle(job, 'cancelled', error);
      this.emitStats();
      return;
    }
    const slot = job.slot!;
    this.settle(job, 'cancelled', error);
    Atomics.store(slot.control, 0, job.id);
    slot.worker.postMessage({ type: 'cancel', id: job.id } satisfies WorkerRequest);
    slot.cancelTimer = setTimeout(() => {
      if (slot.job !== job) return;
      void this.stop(slot, 'unresponsive');
      this.pump();
      this.emitStats();
    }, this.cancelGraceMs);
  }

  private crash(slot: Slot, reason: string): void {
    if (slot.stopping) return;
    this.counts.crashed++;
    const job = slot.job;
    void this.stop(slot, 'crash');
    if (job) {
      const message = `Worker thread ${slot.threadId} crashed while running task '${job.kind}' #${job.id}: ${reason}.`;
      this.settle(job, 'failed', new WorkerCrashError(message));
    }
    this.pump();
    this.emitStats();
  }

  /** Removes the slot and terminates its worker (its task, if any, must already be settled). */
  private stop(slot: Slot, reason: 'crash' | 'unresponsive' | 'disposed'): Promise<void> {
    slot.stopping = true;
    clearTimeout(slot.cancelTimer);
    slot.job = null;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    this.emit({ type: 'worker-stopped', threadId: slot.threadId, reason });
    return slot.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
  }

  private settle(job: Job, outcome: Outcome, value: unknown): void {
    if (job.settled) return;
    job.settled = true;
    if (job.onAbort) job.signal!.removeEventListener('abort', job.onAbort);
    if (outcome !== 'disposed') this.counts[outcome]++;
    if (outcome === 'completed') job.resolve(value);
    else job.reject(value as Error);
  }

  private emitStats(): void {
    if (this.statsListeners.size === 0) return;
    const stats = this.stats();
    for (const listener of this.statsListeners) callSafely(listener, stats);
  }

  private emit(event: PoolEvent): void {
    for (const listener of this.eventListeners) callSafely(listener, event);
  }
}

function cancelledError(kind: string, id: number): TaskCancelledError {
  return new TaskCancelledError(`Task '${kind}' #${id} was cancelled.`);
}

/** Monitoring and progress callbacks must not break the pool. */
function callSafely<T>(fn: ((value: T) => void) | undefined, value: T): void {
  try {
    fn?.(value);
  } catch {
    // ignored on purpose
  }
}
