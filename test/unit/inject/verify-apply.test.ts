import * as assert from 'node:assert/strict';
import { encode } from '../../../src/core/hal';
import { encodeTiles } from '../../../src/core/gfx/tiles';
import { buildRom } from '../../../src/core/rom/build';
import { Rom } from '../../../src/core/rom/rom';
import { applyPlan, fileFingerprint, planInjection, sameSource, InjectionRefusedError, StaleRomError } from '../../../src/core/inject';
import { verifyPatched, type VerifyInput } from '../../../src/core/inject/verify';
import { makePatch } from '../../../src/core/edit';
import { noise, noisyPixels, sheetPng, spritePixels } from './fixture';

const PIX = spritePixels(4);
const TILES = encodeTiles(PIX, 4);
const STREAM = encode(TILES);

function setup(): VerifyInput {
  const data = buildRom({
    mapping: 'lorom',
    size: 0x8000 * 2,
    content: (d) => {
      d.set(STREAM, 0x9000);
      d.set(TILES, 0xa000);
      d.set([0x00, 0x90, 0x81], 0x8100); // $81:9000 -> 0x9000
    },
  });
  return {
    data,
    mapping: 'lorom',
    headerOffset: 0x7fc0,
    kind: 'hal',
    bpp: 4,
    romOffset: 0x9000,
    size: STREAM.length,
    expected: TILES,
    pixels: PIX,
    pointers: [0x8100],
  };
}

function fails(v: VerifyInput, pattern: RegExp): void {
  assert.throws(
    () => verifyPatched(v),
    (e: unknown) => e instanceof InjectionRefusedError && e.reason === 'verify-failed' && pattern.test(e.message),
  );
}

describe('inject: verify', () => {
  it('passes a correct block', () => {
    verifyPatched(setup());
    const raw = setup();
    verifyPatched({ ...raw, kind: 'raw', romOffset: 0xa000, size: TILES.length, pointers: [] });
  });

  it('fails when the stream does not decode, has another length, or holds other data', () => {
    const v = setup();
    v.data[0x9000] = 0xff; // empty stream
    fails(v, /does not decode/);
    fails({ ...setup(), size: STREAM.length + 1 }, /the stream is \d+ bytes/);
    fails({ ...setup(), expected: new Uint8Array(TILES.length + 1) }, /holds \d+ bytes/);
    const other = PIX.slice();
    other[70] ^= 1;
    fails({ ...setup(), pixels: other }, /tile 1 differs/);
    const bytes = TILES.slice();
    bytes[TILES.length - 1] ^= 0x80;
    fails({ ...setup(), expected: bytes, pixels: PIX.subarray(0, 64 * 3) }, /data byte 127 differs/);
  });

  it('fails when a pointer or the checksum is wrong', () => {
    const v = setup();
    v.data[0x8101] = 0x91;
    fails(v, /pointer at ROM offset 0x008100/);
    const c = setup();
    c.data[0x7fde] ^= 1;
    fails(c, /checksum/);
  });
});

describe('inject: apply', () => {
  const file = buildRom({ mapping: 'lorom', size: 0x10000 });

  it('returns new bytes and never mutates the input', () => {
    const copy = file.slice();
    const out = applyPlan(file, 0, { patches: [makePatch(file, 0x100, Uint8Array.of(1, 2))] });
    assert.deepEqual(file, copy);
    assert.deepEqual([...out.subarray(0x100, 0x102)], [1, 2]);
    assert.notEqual(out, file);
  });

  it('refuses a file that changed since the plan was made', () => {
    const source = fileFingerprint(file);
    assert.ok(sameSource(source, file));
    const changed = file.slice();
    changed[0x200] ^= 1;
    assert.equal(sameSource(source, changed), false);
    assert.throws(() => applyPlan(file.subarray(0, 0x8000), 0, { patches: [], source }), StaleRomError);
    const before = file.slice(0x100, 0x102);
    const moved = file.slice();
    moved[0x101] ^= 1;
    assert.throws(() => applyPlan(moved, 0, { patches: [{ romOffset: 0x100, after: Uint8Array.of(1, 2), before }], source }), /changed since it was opened/);
  });

  it('refuses a patch outside the ROM', () => {
    assert.throws(() => makePatch(file, 0xffff, Uint8Array.of(1, 2)), RangeError);
    assert.throws(() => applyPlan(file, 0, { patches: [{ romOffset: -1, before: Uint8Array.of(0), after: Uint8Array.of(1) }] }), RangeError);
  });

  it('plans for a ROM without a convincing header: no checksum pair, no relocation', () => {
    const data = new Uint8Array(0x8000);
    noise(data, 0, data.length);
    data.set(STREAM, 0x1000);
    const rom = new Rom(data);
    assert.equal(rom.mapping, 'unknown');
    const edited = spritePixels(4, 16, 2);
    const plan = planInjection(rom, { romOffset: 0x1000, kind: 'raw', bpp: 4, tiles: 4 }, sheetPng(edited, 16, 4), {});
    assert.equal(plan.patches.length, 1, 'no checksum pair to fix');
    assert.equal(plan.summary.newSnes, null);
    assert.throws(
      () => planInjection(rom, { romOffset: 0x1000, kind: 'hal', bpp: 4 }, sheetPng(noisyPixels(4), 16, 4), { relocate: true }),
      (e: unknown) => e instanceof InjectionRefusedError && e.reason === 'no-pointers' && /mapping is unknown/.test(e.message),
    );
  });
});
