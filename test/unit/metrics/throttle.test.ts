import * as assert from 'node:assert/strict';
import { throttle } from '../../../src/core/metrics/throttle';
import { FakeClock, FakeTimers } from './fakes';

function setup(perSecond = 2) {
  const clock = new FakeClock(0);
  const timers = new FakeTimers(clock);
  const calls: [number, string][] = [];
  const t = throttle((v: string) => calls.push([clock.t, v]), perSecond, { clock: clock.now, timers });
  return { clock, timers, calls, t };
}

describe('metrics: throttle', () => {
  it('runs the first call at once and collapses a burst into one trailing call with the latest arguments', () => {
    const { timers, calls, t } = setup(2); // at most every 500 ms
    t('a');
    t('b');
    t('c');
    assert.deepEqual(calls, [[0, 'a']]);
    timers.advance(499);
    assert.equal(calls.length, 1);
    timers.advance(1);
    assert.deepEqual(calls, [
      [0, 'a'],
      [500, 'c'],
    ]);
  });

  it('never exceeds the rate under a steady stream, and the last call always lands', () => {
    const { clock, timers, calls, t } = setup(4); // every 250 ms
    for (let i = 0; i < 100; i++) {
      t(`v${i}`);
      timers.advance(10);
    }
    timers.advance(1000);
    for (let i = 1; i < calls.length; i++) assert.ok(calls[i]![0] - calls[i - 1]![0] >= 250, `${calls[i - 1]} then ${calls[i]}`);
    assert.equal(calls[calls.length - 1]![1], 'v99');
    assert.ok(calls.length <= Math.floor(clock.t / 250) + 1);
  });

  it('runs immediately again once the interval has passed', () => {
    const { timers, calls, t } = setup(1);
    t('a');
    timers.advance(1000);
    t('b');
    assert.deepEqual(calls, [
      [0, 'a'],
      [1000, 'b'],
    ]);
  });

  it('flush runs the pending call now; dispose drops it and ignores later calls', () => {
    const { timers, calls, t } = setup(1);
    t('a');
    t('b');
    t.flush();
    assert.deepEqual(calls, [
      [0, 'a'],
      [0, 'b'],
    ]);
    t.flush();
    assert.equal(calls.length, 2, 'nothing pending');
    t('c');
    t.dispose();
    t('d');
    timers.advance(5000);
    assert.equal(calls.length, 2);
    assert.equal(timers.pending, 0);
  });

  it('refuses a non-positive rate and works on real timers', async () => {
    assert.throws(() => throttle(() => {}, 0), /perSecond/);
    const seen: number[] = [];
    const t = throttle((n: number) => seen.push(n), 1000);
    t(1);
    t(2);
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(seen, [1, 2]);
    t.dispose();
  });
});
