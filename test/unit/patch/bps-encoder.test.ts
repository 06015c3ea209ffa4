/**
 * What the BPS encoder writes for data where a hash of 4-byte prefixes alone does badly: runs of
 * one byte longer than any the source holds (padding after a ROM that grew), and data unlike
 * anything before it (random bytes), where it must still write little more than the bytes.
 */
import * as assert from 'node:assert/strict';
import { applyBps, createBps } from '../../../src/core/patch';
import { Prng } from '../../../src/core/scan/prng';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('BPS encoder on runs and unrelated data', () => {
  it('a run longer than any in the source is one overlapping TargetCopy, not many copies of the longest source run', () => {
    const rng = new Prng(3);
    // 64 KiB of code-like bytes with short 0xFF runs in it (as padding between routines).
    const source = new Uint8Array(64 * 1024);
    rng.bytes(source, 0, source.length);
    for (let k = 0; k < 40; k++) source.fill(0xff, k * 1500, k * 1500 + 200);
    // The modified ROM grew to 1 MiB: the rest is 0xFF, a run 5000 times the longest in the source.
    const target = new Uint8Array(1024 * 1024).fill(0xff);
    target.set(source);
    const patch = createBps(source, target);
    const applied = applyBps(source, patch);
    assert.ok(same(applied.target, target));
    // The run costs one or two commands; copying it 200 bytes at a time from the source would take ~5000.
    assert.ok(applied.stats.actions.sourceCopy + applied.stats.actions.targetCopy <= 4, JSON.stringify(applied.stats.actions));
    assert.ok(patch.length < 64, `${patch.length} bytes`);
  });

  it('random data against unrelated random data: the bytes as literals, and few spurious copies', () => {
    const rng = new Prng(9);
    const source = new Uint8Array(512 * 1024);
    const target = new Uint8Array(512 * 1024);
    rng.bytes(source, 0, source.length);
    rng.bytes(target, 0, target.length);
    const patch = createBps(source, target);
    const applied = applyBps(source, patch);
    assert.ok(same(applied.target, target));
    assert.ok(patch.length <= target.length + 64, `${patch.length} bytes for ${target.length} random bytes`);
    assert.ok(applied.stats.bytes.targetRead >= target.length * 0.999, JSON.stringify(applied.stats.bytes));
  });

  it('unrelated data followed by a copy of the source: the copy is still found after a long stretch without matches', () => {
    const rng = new Prng(11);
    const source = new Uint8Array(256 * 1024);
    rng.bytes(source, 0, source.length);
    const fresh = new Uint8Array(600 * 1024);
    rng.bytes(fresh, 0, fresh.length);
    const target = new Uint8Array(fresh.length + source.length);
    target.set(fresh);
    target.set(source, fresh.length);
    const patch = createBps(source, target);
    const applied = applyBps(source, patch);
    assert.ok(same(applied.target, target));
    // Missing the copy's start by up to the search stride costs at most that many literal bytes.
    assert.ok(applied.stats.bytes.sourceCopy + applied.stats.bytes.sourceRead >= source.length - 256, JSON.stringify(applied.stats.bytes));
    assert.ok(patch.length < fresh.length + 512, `${patch.length} bytes`);
  });
});
