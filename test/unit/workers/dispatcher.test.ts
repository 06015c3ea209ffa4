import * as assert from 'node:assert/strict';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { serializeError, serveTasks, transferablesIn } from '../../../src/core/workers/dispatcher';
import type { WorkerRequest, WorkerResponse } from '../../../src/core/workers/protocol';
import { testTasks } from './fixtures/test-tasks';

// The dispatcher driven over a MessageChannel in this thread (the pool tests drive it in real workers).
describe('worker dispatcher', () => {
  let ports: MessagePort[] = [];
  afterEach(() => {
    for (const p of ports) p.close();
    ports = [];
  });

  function serve(): { send(req: WorkerRequest): void; next(): Promise<WorkerResponse> } {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serveTasks(testTasks, port2);
    const inbox: WorkerResponse[] = [];
    const waiters: ((r: WorkerResponse) => void)[] = [];
    port1.on('message', (msg: WorkerResponse) => {
      const w = waiters.shift();
      if (w) w(msg);
      else inbox.push(msg);
    });
    return {
      send: (req) => port1.postMessage(req),
      next: () => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((resolve) => waiters.push(resolve))),
    };
  }
  const control = () => new Int32Array(new SharedArrayBuffer(4));

  it('answers a run request with the id it carries', async () => {
    const w = serve();
    w.send({ type: 'run', id: 7, kind: 'progress', payload: { steps: 1 }, control: control() });
    assert.deepEqual(await w.next(), { type: 'progress', id: 7, progress: { step: 1 } });
    assert.deepEqual(await w.next(), { type: 'result', id: 7, result: 1 });
  });

  it('reports cancelled when told by message only (shared flag untouched)', async () => {
    const w = serve();
    w.send({ type: 'run', id: 3, kind: 'sleep', payload: { ms: 20_000 }, control: control() });
    w.send({ type: 'cancel', id: 3 });
    assert.deepEqual(await w.next(), { type: 'cancelled', id: 3 });
  });

  it('reports cancelled when the shared flag holds the task id', async () => {
    const w = serve();
    const flag = control();
    Atomics.store(flag, 0, 5);
    w.send({ type: 'run', id: 5, kind: 'spin', payload: {}, control: flag });
    assert.deepEqual(await w.next(), { type: 'cancelled', id: 5 });
  });

  it('reports handler errors, unknown kinds and unclonable results as errors', async () => {
    const w = serve();
    w.send({ type: 'run', id: 1, kind: 'fail', payload: { code: 'x-code', message: 'bad' }, control: control() });
    const r1 = await w.next();
    assert.equal(r1.type === 'error' && r1.error.code, 'x-code');
    w.send({ type: 'run', id: 2, kind: 'toString', payload: null, control: control() });
    const r2 = await w.next();
    assert.equal(r2.type === 'error' && r2.error.code, 'unknown-task');
    w.send({ type: 'run', id: 4, kind: 'unclonable', payload: null, control: control() });
    const r4 = await w.next();
    assert.equal(r4.type, 'error');
  });

  it('refuses to serve outside a worker thread', () => {
    assert.throws(() => serveTasks(testTasks, null), /inside a worker thread/);
  });

  it('finds the buffers of a result once each, not beyond 3 levels', () => {
    const a = new ArrayBuffer(4);
    const view = new Uint16Array(a);
    const b = new Uint8Array(8);
    const deep = new ArrayBuffer(2);
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    const found = transferablesIn({ a, list: [view, { b }], deeper: { x: { y: { deep } } }, shared, n: 1, s: 'x', nil: null });
    assert.deepEqual(new Set(found), new Set([a, b.buffer]));
    assert.deepEqual(transferablesIn(a), [a]);
    assert.deepEqual(transferablesIn(42), []);
  });

  it('serialises errors and non-errors', () => {
    assert.deepEqual(serializeError('plain'), { name: 'Error', message: 'plain' });
    const e = serializeError(new TypeError('t'));
    assert.equal(e.name, 'TypeError');
    assert.equal(e.code, undefined);
  });
});
