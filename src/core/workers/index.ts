/** The worker pool as the rest of the app uses it (worker entries import dispatcher.ts instead). */
export { WorkerPool, type Disposable, type PoolEvent, type PoolStats, type RunOptions, type WorkerPoolOptions } from './pool';
export { PoolDisposedError, TaskCancelledError, WorkerCrashError, WorkerTaskError } from './errors';
export type { TaskContext, TaskHandler, TaskKind, TaskMap, TaskMapOf } from './protocol';
