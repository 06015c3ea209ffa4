/**
 * The worker side of the pool: receives requests, runs the handler for each kind, answers with the
 * request's id. worker-main.ts serves the production registry; tests serve it plus extra handlers.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { SpritePalError } from '../errors';
import { TaskCancelledError } from './errors';
import type { SerializedError, TaskContext, TaskRegistry, WorkerRequest, WorkerResponse } from './protocol';

type RunRequest = Extract<WorkerRequest, { type: 'run' }>;
type Handler = (payload: unknown, ctx: TaskContext<unknown>) => unknown;

/** Serves `handlers` on the worker's parent port until the pool terminates the thread. */
export function serveTasks(handlers: TaskRegistry, port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('serveTasks must run inside a worker thread (no parentPort).');
  const cancelled = new Set<number>();
  port.on('message', (msg: WorkerRequest) => {
    if (msg.type === 'cancel') cancelled.add(msg.id);
    else void execute(port, handlers, msg, cancelled);
  });
}

async function execute(port: MessagePort, handlers: TaskRegistry, req: RunRequest, cancelled: Set<number>): Promise<void> {
  const isCancelled = (): boolean => cancelled.has(req.id) || Atomics.load(req.control, 0) === req.id;
  const ctx: TaskContext<unknown> = {
    isCancelled,
    throwIfCancelled() {
      if (isCancelled()) throw new TaskCancelledError();
    },
    progress(value) {
      post(port, { type: 'progress', id: req.id, progress: value });
    },
    workerData,
  };
  try {
    const handler = Object.hasOwn(handlers, req.kind) ? (handlers[req.kind] as unknown as Handler) : undefined;
    if (!handler) throw new SpritePalError('unknown-task', `No worker task is registered for kind '${req.kind}'.`);
    const result = await handler(req.payload, ctx);
    post(port, { type: 'result', id: req.id, result }, transferablesIn(result));
  } catch (err) {
    post(port, isCancelled() ? { type: 'cancelled', id: req.id } : { type: 'error', id: req.id, error: serializeError(err) });
  } finally {
    cancelled.delete(req.id);
  }
}

/** Posts a response, transferring `transfer`; falls back to copying when a buffer cannot be transferred. */
function post(port: MessagePort, msg: WorkerResponse, transfer: ArrayBuffer[] = []): void {
  try {
    port.postMessage(msg, transfer);
  } catch (err) {
    if (transfer.length > 0) post(port, msg);
    else if (msg.type === 'result') post(port, { type: 'error', id: msg.id, error: serializeError(err) });
    else throw err;
  }
}

/** The ArrayBuffers in a result (itself, typed-array views, and plain objects/arrays up to 3 levels deep). */
export function transferablesIn(value: unknown, depth = 3, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (value instanceof ArrayBuffer) found.add(value);
  else if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (depth > 0 && value !== null && typeof value === 'object') {
    for (const v of Array.isArray(value) ? value : Object.values(value)) transferablesIn(v, depth - 1, found);
  }
  return [...found];
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, code: typeof code === 'string' ? code : undefined, stack: err.stack };
  }
  return { name: 'Error', message: String(err) };
}
