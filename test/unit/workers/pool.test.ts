import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { makeThumbnail } from '../../../src/core/thumbs/thumbnail';
import { PoolDisposedError, TaskCancelledError, WorkerCrashError } from '../../../src/core/workers/errors';
import { WorkerPool, type PoolEvent, type PoolStats, type WorkerPoolOptions } from '../../../src/core/workers/pool';
import type { TestTaskMap } from './fixtures/test-tasks';

// Compiled layout: out*/test/unit/workers/pool.test.js beside out*/src/core/workers/worker-main.js.
const mainScript = path.resolve(__dirname, '../../../src/core/workers/worker-main.js');
const testScript = path.resolve(__dirname, 'fixtures/test-worker.js');

describe('WorkerPool', () => {
  const pools: WorkerPool<never>[] = [];
  function testPool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TestTaskMap> {
    const pool = new WorkerPool<TestTaskMap>({ script: testScript, size: 1, ...options });
    pools.push(pool as unknown as WorkerPool<never>);
    return pool;
  }
  const newFlag = () => new Int32Array(new SharedArrayBuffer(4));
  const release = (flag: Int32Array) => Atomics.store(flag, 0, 1);

  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.dispose()));
  });

  it('runs the production thumbnails task from worker-main on a shared ROM, a bad block failing only its slot', async () => {
    const pool = new WorkerPool({ script: mainScript, size: 1 });
    pools.push(pool as unknown as WorkerPool<never>);
    const rom = new SharedArrayBuffer(0x8000);
    const bytes = new Uint8Array(rom);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    const good = { romOffset: 0x100, kind: 'raw' as const, bpp: 4 as const, widthTiles: 4, rawTiles: 8 };
    const bad = { romOffset: 0x200, kind: 'raw' as const, bpp: 4 as const, widthTiles: 4, rawTiles: 0 };
    const [first, second] = await pool.run('thumbnails', { rom, requests: [good, bad] });
    const expected = makeThumbnail(bytes, good);
    assert.ok(first && !('error' in first));
    assert.deepEqual([first.width, first.height, [...first.pixels]], [expected.width, expected.height, [...expected.pixels]]);
    assert.ok(second && 'error' in second, 'the raw block without a tile count comes back as an error string');
    assert.match(second.error, /tile count/);
    assert.equal(second.romOffset, bad.romOffset);
  });

  it('starts workers lazily and reports stats', async () => {
    const pool = testPool({ size: 2 });
    const seen: PoolStats[] = [];
    pool.onStats((s) => seen.push(s));
    assert.deepEqual(pool.stats(), { size: 2, workers: 0, busy: 0, queued: 0, completed: 0, failed: 0, cancelled: 0, crashed: 0 });
    await pool.run('sleep', { ms: 1 });
    const s = pool.stats();
    assert.equal(s.workers, 1);
    assert.equal(s.busy, 0);
    assert.equal(s.completed, 1);
    assert.ok(
      seen.some((x) => x.busy === 1),
      'a snapshot showed the task running',
    );
    assert.equal(seen.at(-1)!.completed, 1);
  });

  it('runs higher priorities first, FIFO within a priority (size 1)', async () => {
    const pool = testPool();
    const flag = newFlag();
    const order: string[] = [];
    const blocker = pool.run('gate', { flag, label: 'blocker' });
    const labels: [string, number][] = [
      ['a0', 0],
      ['b5', 5],
      ['c1', 1],
      ['d5', 5],
      ['e10', 10],
      ['f0', 0],
    ];
    const runs = labels.map(([label, priority]) =>
      pool.run('gate', { flag, label }, { priority }).then((r) => {
        order.push(r.label!);
      }),
    );
    assert.equal(pool.stats().queued, labels.length);
    release(flag);
    await blocker;
    await Promise.all(runs);
    assert.deepEqual(order, ['e10', 'b5', 'd5', 'c1', 'a0', 'f0']);
  });

  it('removes a cancelled queued task and rejects it with an AbortError', async () => {
    const pool = testPool();
    const flag = newFlag();
    const blocker = pool.run('gate', { flag });
    const controller = new AbortController();
    const queued = pool.run('gate', { flag, label: 'never' }, { signal: controller.signal });
    const after = pool.run('gate', { flag, label: 'after' });
    controller.abort();
    await assert.rejects(queued, (e: Error) => e instanceof TaskCancelledError && e.name === 'AbortError' && (e as TaskCancelledError).code === 'cancelled');
    assert.equal(pool.stats().queued, 1);
    release(flag);
    await blocker;
    assert.equal((await after).label, 'after');
    assert.equal(pool.stats().cancelled, 1);
    assert.equal(pool.stats().completed, 2);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const pool = testPool();
    await assert.rejects(pool.run('sleep', { ms: 1 }, { signal: AbortSignal.abort() }), TaskCancelledError);
    assert.equal(pool.stats().workers, 0);
  });

  it('cancels a running task through the shared flag; the worker answers and is reused', async () => {
    const pool = testPool({ cancelGraceMs: 10_000 });
    const events: PoolEvent[] = [];
    pool.onEvent((e) => events.push(e));
    const controller = new AbortController();
    const spinning = pool.run('spin', {}, { signal: controller.signal });
    const next = pool.run('sleep', { ms: 1 });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await assert.rejects(spinning, TaskCancelledError);
    const { threadId } = await next;
    assert.deepEqual(events, [{ type: 'worker-started', threadId }], 'same worker, never terminated');
    assert.equal(pool.stats().crashed, 0);
    assert.equal(pool.stats().cancelled, 1);
  });

  it('cancels a running task that awaits between chunks', async () => {
    const pool = testPool({ cancelGraceMs: 10_000 });
    const controller = new AbortController();
    const sleeping = pool.run('sleep', { ms: 20_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(sleeping, TaskCancelledError);
    await pool.run('sleep', { ms: 1 });
    assert.equal(pool.stats().workers, 1);
  });

  it('terminates and replaces a worker that ignores cancellation', async () => {
    const pool = testPool({ cancelGraceMs: 100 });
    const events: PoolEvent[] = [];
    pool.onEvent((e) => events.push(e));
    const controller = new AbortController();
    const hanging = pool.run('hang', { ms: 30_000 }, { signal: controller.signal });
    const next = pool.run('sleep', { ms: 1 });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(hanging, TaskCancelledError);
    const { threadId } = await next;
    const stopped = events.find((e) => e.type === 'worker-stopped');
    assert.equal(stopped?.type === 'worker-stopped' && stopped.reason, 'unresponsive');
    assert.notEqual(stopped!.threadId, threadId, 'the next task ran on a new worker');
    assert.equal(pool.stats().crashed, 0);
  });

  for (const how of ['throw', 'exit'] as const) {
    it(`rejects the task of a crashed worker (${how}), counts it and replaces the worker`, async () => {
      const pool = testPool();
      const first = await pool.run('sleep', { ms: 1 });
      await assert.rejects(pool.run('crash', { how }), (e: Error) => {
        assert.ok(e instanceof WorkerCrashError);
        assert.equal(e.code, 'worker-crash');
        assert.match(e.message, how === 'throw' ? /crashed while running task 'crash'.*boom from the test worker/ : /exited with code 0/);
        return true;
      });
      const after = await pool.run('sleep', { ms: 1 });
      assert.notEqual(after.threadId, first.threadId);
      const s = pool.stats();
      assert.equal(s.crashed, 1);
      assert.equal(s.failed, 1);
      assert.equal(s.workers, 1);
    });
  }

  it('rejects a task whose handler throws, keeping the error code, and keeps the worker', async () => {
    const pool = testPool();
    await assert.rejects(pool.run('fail', { code: 'rom-load', message: 'not a ROM' }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'rom-load');
      assert.equal(e.message, 'not a ROM');
      assert.equal(e.name, 'SpritePalError');
      assert.match(e.stack ?? '', /in worker/);
      return true;
    });
    await assert.rejects(pool.run('unclonable', null), (e: Error) => /could not be cloned/i.test(e.message));
    assert.equal(pool.stats().failed, 2);
    assert.equal(pool.stats().crashed, 0);
  });

  it('rejects an unknown task kind', async () => {
    const pool = testPool();
    const untyped = pool as unknown as WorkerPool<Record<string, { payload: null; result: unknown; progress: never }>>;
    await assert.rejects(untyped.run('nope', null), (e: Error & { code?: string }) => e.code === 'unknown-task' && /'nope'/.test(e.message));
  });

  it('forwards progress reports to onProgress', async () => {
    const pool = testPool();
    const steps: number[] = [];
    const result = await pool.run('progress', { steps: 3 }, { onProgress: (p) => steps.push(p.step) });
    assert.equal(result, 3);
    assert.deepEqual(steps, [1, 2, 3]);
  });

  it('transfers result buffers back and passes workerData', async () => {
    const pool = testPool({ workerData: { answer: 42 } });
    const bytes = Uint8Array.of(9, 8, 7);
    const result = await pool.run('echo', { bytes }, { transfer: [bytes.buffer] });
    assert.deepEqual([...result.bytes], [9, 8, 7]);
    assert.equal(bytes.length, 0);
    assert.deepEqual(await pool.run('data', null), { answer: 42 });
  });

  it('dispose rejects running and queued work, stops every worker, and refuses new work', async () => {
    const pool = testPool();
    const events: PoolEvent[] = [];
    pool.onEvent((e) => events.push(e));
    const flag = newFlag();
    const running = pool.run('gate', { flag });
    const queued = pool.run('gate', { flag });
    await new Promise((r) => setTimeout(r, 20));
    const rejected = Promise.all([assert.rejects(running, PoolDisposedError), assert.rejects(queued, PoolDisposedError)]);
    await pool.dispose();
    await rejected;
    await assert.rejects(pool.run('sleep', { ms: 1 }), PoolDisposedError);
    assert.deepEqual(
      events.map((e) => e.type === 'worker-stopped' && e.reason),
      [false, 'disposed'],
    );
    assert.equal(pool.stats().workers, 0);
    await pool.dispose();
  });

  it('runs tasks concurrently on 2 workers (their reported waits overlap)', async () => {
    const pool = testPool({ size: 2 });
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const payload = { counter, parties: 2, timeoutMs: 5000 };
    const [a, b] = await Promise.all([pool.run('barrier', payload), pool.run('barrier', payload)]);
    assert.ok(a.met && b.met, 'both tasks saw each other at the rendezvous');
    assert.notEqual(a.threadId, b.threadId);
    assert.ok(a.start < b.end && b.start < a.end, 'the two tasks were running at the same time');
  });

  it('does not run tasks concurrently with size 1 (the rendezvous times out)', async () => {
    const pool = testPool({ size: 1 });
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const payload = { counter, parties: 2, timeoutMs: 50 };
    const [a, b] = await Promise.all([pool.run('barrier', payload), pool.run('barrier', payload)]);
    assert.equal(a.met, false);
    assert.ok(a.end <= b.start, 'the second task started after the first ended');
  });

  it('rejects a payload that cannot be cloned and keeps serving; throwing listeners do not break the pool', async () => {
    const pool = testPool();
    pool.onStats(() => {
      throw new Error('monitor bug');
    });
    let events = 0;
    const sub = pool.onEvent(() => {
      events++;
      throw new Error('monitor bug');
    });
    const untyped = pool as unknown as WorkerPool<Record<string, { payload: unknown; result: unknown; progress: never }>>;
    await assert.rejects(untyped.run('echo', { bytes: () => 1 }), (e: Error) => e.name === 'DataCloneError');
    assert.equal(pool.stats().failed, 1);
    sub.dispose();
    assert.equal(
      await pool.run(
        'progress',
        { steps: 1 },
        {
          onProgress: () => {
            throw new Error('ui bug');
          },
        },
      ),
      1,
    );
    assert.equal(events, 1);
  });

  it('rejects tasks when the worker cannot be created', async () => {
    const pool = testPool({ script: 'relative/worker.js' });
    await assert.rejects(pool.run('sleep', { ms: 1 }), (e: Error & { code?: string }) => e.code === 'ERR_WORKER_PATH');
    assert.equal(pool.stats().workers, 0);
  });

  it('defaults the size to the available parallelism and rejects a failed worker start', async () => {
    const pool = new WorkerPool({ script: path.join(__dirname, 'fixtures', 'missing-worker.js') });
    pools.push(pool as unknown as WorkerPool<never>);
    assert.ok(pool.size >= 1);
    await assert.rejects(pool.run('thumbnails', { rom: new SharedArrayBuffer(1), requests: [] }), WorkerCrashError);
  });
});
