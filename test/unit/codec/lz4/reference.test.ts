import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { lz4Codec, xxh32 } from '../../../../src/core/codec/lz4';
import { hasLz4Cli, lz4CliDecode, lz4CliEncode } from '../../../../src/bench/lz4-cli';
import { requireShared } from '../../../support/shared';
import { bytes, corpusInputs, homebrewRoms, knownLz4Frames, noise, tiles } from '../helpers';

function requireLz4(ctx: Mocha.Context): void {
  if (!hasLz4Cli()) {
    console.log('    (skipped: the lz4 command is not installed; scripts/test-unit.mjs installs it as root)');
    ctx.skip();
  }
}

function same(a: Uint8Array, b: Uint8Array, what: string): void {
  assert.equal(a.length, b.length, `${what}: ${a.length} bytes, want ${b.length}`);
  assert.ok(Buffer.from(a).equals(Buffer.from(b)), `${what}: bytes differ`);
}

describe('xxHash32', () => {
  it('matches the published reference values', () => {
    assert.equal(xxh32(new Uint8Array(0)), 0x02cc5d05);
    assert.equal(xxh32(bytes('abc')), 0x32d153ff);
    assert.equal(xxh32(bytes('Nobody inspects the spammish repetition')), 0xe2293b2f);
  });

  it('hashes a range of a larger array as it hashes a copy of it', () => {
    const data = noise(300, 8);
    for (const [s, e] of [
      [0, 300],
      [3, 40],
      [17, 18],
      [100, 100],
    ] as const)
      assert.equal(xxh32(data, s, e), xxh32(data.slice(s, e)));
  });

  it('agrees with the lz4 CLI: the content checksum of frames it writes, for every tail length', function () {
    requireLz4(this);
    for (let n = 0; n <= 40; n++) {
      const data = noise(n, n + 1);
      const f = lz4CliEncode(data, ['-1']);
      const stored = f[f.length - 4]! | (f[f.length - 3]! << 8) | (f[f.length - 2]! << 16) | (f[f.length - 1]! << 24);
      assert.equal(xxh32(data), stored >>> 0, `${n} bytes`);
    }
  });
});

describe('lz4 against the lz4 CLI (when installed)', () => {
  const inputs: [string, Uint8Array][] = [
    ['tiles 200K', tiles(200_000, 5)],
    ['noise 5K', noise(5000, 6)],
    ['zeros 300K', new Uint8Array(300_000)],
    ['one byte', bytes(7)],
    ['empty', new Uint8Array(0)],
  ];
  const flagSets = [
    [],
    ['-1'],
    ['-12'],
    ['-BD'],
    ['-BX'],
    ['--content-size'],
    ['--no-frame-crc'],
    ['-B4', '-BD'],
    ['-B4', '-BX', '--content-size'],
    ['-B5'],
    ['-B6'],
    ['-B7', '-BD', '-12'],
  ];

  it('decodes what lz4 writes with every frame option: block sizes, linked blocks, checksums, content size', function () {
    requireLz4(this);
    this.timeout(120_000);
    for (const [name, data] of inputs) {
      for (const flags of flagSets) {
        const f = lz4CliEncode(data, flags);
        const d = lz4Codec.decode(f, 0, { strict: true });
        same(d.data, data, `${name} ${flags.join(' ')}`);
        assert.equal(d.consumed, f.length, `${name} ${flags.join(' ')}: consumed`);
      }
    }
  });

  it('refuses the legacy format (lz4 -l) by name', function () {
    requireLz4(this);
    const st = lz4Codec.decodeInto(lz4CliEncode(tiles(1000), ['-l']), 0, new Uint8Array(1 << 22));
    assert.deepEqual(st, { ok: false, reason: 'legacy-frame', offset: 0 });
  });

  it('lz4 -d decodes what our encoder writes', function () {
    requireLz4(this);
    for (const [name, data] of inputs) {
      if (data.length === 0) continue;
      const ours = lz4Codec.encode(data);
      const theirs = lz4CliDecode(ours);
      assert.ok(theirs, `${name}: lz4 -d refused our frame`);
      same(theirs, data, name);
    }
  });
});

describe('lz4 on the reference data in ../shared', () => {
  let shared: string;
  before(function () {
    shared = requireShared(this);
  });

  it('decodes every corpus frame (lz4 -9 and -12) to its input, consuming the whole frame', () => {
    const corpus = corpusInputs(shared);
    assert.ok(corpus.length >= 8);
    for (const { name, data } of corpus) {
      for (const level of ['lz4-9', 'lz4-12']) {
        const f = new Uint8Array(readFileSync(join(shared, 'fixtures', 'lz', 'corpus', `${name}.${level}.lz4`)));
        const d = lz4Codec.decode(f, 0, { strict: true });
        same(d.data, data, `${name}.${level}`);
        assert.equal(d.consumed, f.length);
      }
    }
  });

  it("our frames are no larger than lz4 -12's for every corpus input, and decode back", function () {
    this.timeout(120_000);
    for (const { name, data } of corpusInputs(shared)) {
      const ref = readFileSync(join(shared, 'fixtures', 'lz', 'corpus', `${name}.lz4-12.lz4`)).length;
      const ours = lz4Codec.encode(data);
      assert.ok(ours.length <= ref, `${name}: ours ${ours.length} bytes, lz4 -12 ${ref}`);
      same(lz4Codec.decode(ours, 0, { strict: true }).data, data, name);
    }
  });

  it('decodes the 9 real frames of the libSFX ROMs at their offsets to their sizes and lengths (and as lz4 -d does)', () => {
    const known = knownLz4Frames(shared);
    assert.equal(known.length, 9, 'the README lists 9 frames');
    const roms = new Map(homebrewRoms(shared).map((r) => [r.name, r.data]));
    for (const k of known) {
      const rom = roms.get(k.rom)!;
      const d = lz4Codec.decode(rom, k.offset, { strict: true });
      assert.equal(d.data.length, k.size, `${k.rom}@${k.offset.toString(16)} size`);
      assert.equal(d.consumed, k.length, `${k.rom}@${k.offset.toString(16)} length`);
      if (hasLz4Cli()) {
        const theirs = lz4CliDecode(rom.subarray(k.offset, k.offset + k.length));
        assert.ok(theirs);
        same(d.data, theirs, `${k.rom}@${k.offset.toString(16)} vs lz4 -d`);
      }
    }
  });
});
