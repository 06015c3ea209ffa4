/** The errors a worker pool task can reject with; each carries a stable `code` (see SpritePalError). */
import { SpritePalError } from '../errors';

/** The task was cancelled through its AbortSignal (queued or running). Behaves like an AbortError. */
export class TaskCancelledError extends SpritePalError {
  constructor(message = 'The task was cancelled.') {
    super('cancelled', message);
    this.name = 'AbortError';
  }
}

/** The worker running the task died (uncaught error or unexpected exit); the pool replaces it. */
export class WorkerCrashError extends SpritePalError {
  constructor(message: string) {
    super('worker-crash', message);
    this.name = 'WorkerCrashError';
  }
}

/** The pool was disposed before the task could finish. */
export class PoolDisposedError extends SpritePalError {
  constructor(message = 'The worker pool was disposed before the task finished.') {
    super('pool-disposed', message);
    this.name = 'PoolDisposedError';
  }
}

/**
 * A task handler threw inside the worker. The original `code` (e.g. 'rom-load') and `name` survive
 * the thread boundary; the class does not (structured clone cannot carry it).
 */
export class WorkerTaskError extends SpritePalError {
  constructor(code: string, name: string, message: string, remoteStack?: string) {
    super(code, message);
    this.name = name;
    if (remoteStack) this.stack = `${name}: ${message}\n    (in worker)\n${remoteStack.split('\n').slice(1).join('\n')}`;
  }
}
