/**
 * The messages the pool and its workers exchange, and the types that make `pool.run(kind, payload)`
 * fully typed. Every request carries an id; every response names the id it answers.
 *
 * Task kinds are not listed here by hand: `TaskMap` is derived from the handler registry in
 * tasks.ts, so adding a task is one entry there (a type-only import: no handler code reaches the
 * main-thread bundle).
 */
import type { tasks } from './tasks';

/** What a handler sees besides its payload. */
export interface TaskContext<Progress = never> {
  /**
   * True once the pool asked this task to stop. Reads a shared-memory flag, so a synchronous loop
   * sees it without yielding to the event loop; check it between chunks.
   */
  isCancelled(): boolean;
  /** Throws TaskCancelledError when cancelled (the pool then reports the task as cancelled). */
  throwIfCancelled(): void;
  /** Sends a progress report to the `onProgress` callback given to `run`. */
  progress(value: Progress): void;
  /** The `workerData` given to the pool. */
  readonly workerData: unknown;
}

/** A task: runs in a worker on its (structured-cloned) payload; may be async. */
export type TaskHandler<Payload, Result, Progress = never> = (payload: Payload, ctx: TaskContext<Progress>) => Result | Promise<Result>;

/** Any registry of handlers (what `serveTasks` accepts). */
export type TaskRegistry = Record<string, (payload: never, ctx: never) => unknown>;

/** One task kind's types. */
export interface TaskTypes {
  payload: unknown;
  result: unknown;
  progress: unknown;
}

/** Derives `{ kind: { payload, result, progress } }` from a handler registry. */
export type TaskMapOf<R extends TaskRegistry> = {
  [K in keyof R & string]: {
    payload: Parameters<R[K]>[0];
    result: Awaited<ReturnType<R[K]>>;
    progress: Parameters<R[K]>[1] extends TaskContext<infer P> ? P : never;
  };
};

/** The production task kinds (from tasks.ts). */
export type TaskMap = TaskMapOf<typeof tasks>;
export type TaskKind = keyof TaskMap;

/** Main thread -> worker. `control` is a shared Int32Array: the pool writes the task id in slot 0 to cancel it. */
export type WorkerRequest = { type: 'run'; id: number; kind: string; payload: unknown; control: Int32Array } | { type: 'cancel'; id: number };

/** A thrown error, flattened so it survives structured clone. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** Worker -> main thread. */
export type WorkerResponse =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'cancelled'; id: number }
  | { type: 'progress'; id: number; progress: unknown };
