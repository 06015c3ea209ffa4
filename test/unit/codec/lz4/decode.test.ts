import * as assert from 'node:assert/strict';
import { lz4Codec, xxh32 } from '../../../../src/core/codec/lz4';
import { CodecDecodeError } from '../../../../src/core/codec/types';
import { hasLz4Cli, lz4CliDecode } from '../../../../src/bench/lz4-cli';
import { bytes, noise } from '../helpers';
import { FLG, frame, sequence, skippable, type FrameSpec } from './frame-builder';

/** Sequences and, beside them, what they decode to (a byte-by-byte model of the block format). */
class Block {
  readonly data: number[] = [];
  readonly out: number[];

  constructor(history: number[] = []) {
    this.out = [...history];
  }

  seq(literals: Uint8Array | string, match?: { offset: number; length: number }): this {
    const lit = typeof literals === 'string' ? bytes(literals) : literals;
    this.data.push(...sequence(lit, match));
    this.out.push(...lit);
    if (match) for (let k = 0; k < match.length; k++) this.out.push(this.out[this.out.length - match.offset]!);
    return this;
  }

  get bytes(): Uint8Array {
    return Uint8Array.from(this.data);
  }
}

const V = FLG.version;
const I = FLG.independent;

function ok(src: Uint8Array, want: Uint8Array | number[], opts = {}): void {
  const d = lz4Codec.decode(src, 0, opts);
  assert.deepEqual(Array.from(d.data), Array.from(want));
  assert.equal(d.consumed, src.length);
}

function fails(src: Uint8Array, reason: string, offset?: number, opts = {}): CodecDecodeError {
  const st = lz4Codec.decodeInto(src, 0, new Uint8Array(1 << 22), opts);
  assert.equal(st.ok, false, `expected ${reason}`);
  if (!st.ok) {
    assert.equal(st.reason, reason);
    if (offset !== undefined) assert.equal(st.offset, offset);
  }
  try {
    lz4Codec.decode(src, 0, opts);
  } catch (e) {
    assert.ok(e instanceof CodecDecodeError);
    assert.equal(e.reason, reason);
    return e;
  }
  assert.fail('decode did not throw');
}

describe('lz4 decode: frames written by hand from the format', () => {
  const abc = new Block().seq('abcd', { offset: 4, length: 8 }).seq('xyzwv');

  it('a compressed block: literals, an overlapping match, last literals', () => {
    assert.equal(String.fromCharCode(...abc.out), 'abcdabcdabcdxyzwv');
    ok(frame({ blocks: [{ data: abc.bytes }] }), abc.out);
  });

  it('every length encoding: 0, 14, 15 and 15+255+n literals; 4, 18, 19 and 19+255+n match bytes', () => {
    const b = new Block()
      .seq(noise(14, 2), { offset: 1, length: 4 })
      .seq('', { offset: 2, length: 18 })
      .seq(noise(15, 3), { offset: 3, length: 19 })
      .seq(noise(15 + 255 + 3, 4), { offset: 300, length: 19 + 255 + 1 })
      .seq('', { offset: 1, length: 19 + 255 + 255 })
      .seq(noise(5, 5));
    const data = b.bytes;
    // the extension bytes are there: 15 -> 0; 273 -> FF 03; 19 -> 0; 275 -> FF 01; 529 -> FF FF 00
    assert.ok(data.includes(0xff));
    ok(frame({ blocks: [{ data }] }), b.out);
  });

  it('offsets 1 (a fill), 2 (a pattern), 4 and 65,535 (across a stored block, linked)', () => {
    const first = noise(65535, 9);
    const b = new Block(Array.from(first))
      .seq('q', { offset: 1, length: 40 })
      .seq('xy', { offset: 2, length: 21 })
      .seq('', { offset: 65535, length: 30 })
      .seq('', { offset: 4, length: 9 })
      .seq('12345');
    const src = frame({ flg: V, blocks: [{ data: first, stored: true }, { data: b.bytes }] });
    ok(src, b.out);
    // the same blocks independent: the last copy cannot reach into the first block
    fails(frame({ flg: V | I, blocks: [{ data: first, stored: true }, { data: b.bytes }] }), 'offset-before-start');
  });

  it('linked blocks: a match reaches into the previous block; independent blocks refuse it', () => {
    const one = new Block().seq('hello world, hello again');
    const two = new Block(one.out).seq('', { offset: 24, length: 11 }).seq('!!!!!');
    const blocks = [{ data: one.bytes }, { data: two.bytes }];
    ok(frame({ flg: V, blocks }), two.out);
    const e = fails(frame({ flg: V | I, blocks }), 'offset-before-start');
    assert.match(e.message, /offset before start at 0x/);
  });

  it('stored blocks (size bit 31), including an empty one, and a frame with no blocks', () => {
    ok(
      frame({
        blocks: [
          { data: bytes('raw '), stored: true },
          { data: new Uint8Array(0), stored: true },
          { data: bytes('bytes'), stored: true },
        ],
      }),
      bytes('raw bytes'),
    );
    ok(frame({ blocks: [] }), []);
  });

  it('block checksums: verified when the frame has them', () => {
    const spec: FrameSpec = { flg: V | I | FLG.blockChecksum, blocks: [{ data: abc.bytes }] };
    ok(frame(spec), abc.out);
    const bad = frame({ ...spec, blocks: [{ data: abc.bytes, checksum: 0x12345678 }] });
    // the checksum follows the 7-byte header, the 4-byte size and the data
    fails(bad, 'block-checksum', 7 + 4 + abc.bytes.length);
  });

  it('content checksum and content size: verified when present', () => {
    const content = Uint8Array.from(abc.out);
    const spec: FrameSpec = { flg: V | I | FLG.contentChecksum | FLG.contentSize, contentSize: content.length, content, blocks: [{ data: abc.bytes }] };
    ok(frame(spec), content);
    fails(frame({ ...spec, contentChecksum: xxh32(content) ^ 1 }), 'content-checksum');
    fails(frame({ ...spec, contentSize: content.length + 1 }), 'content-size', 6);
    fails(frame({ ...spec, contentSize: 1 << 30 }), 'content-too-large', 6);
  });

  it('block maximum sizes 64 KB to 4 MB; a block over its maximum is refused', () => {
    for (const bd of [0x40, 0x50, 0x60, 0x70]) ok(frame({ bd, blocks: [{ data: abc.bytes }] }), abc.out);
    fails(frame({ bd: 0x30, blocks: [{ data: abc.bytes }] }), 'bad-block-size', 5);
    // a stored block of 64 KB + 1 in a 64 KB frame
    fails(frame({ bd: 0x40, blocks: [{ data: new Uint8Array(65537), stored: true }] }), 'block-too-large', 7);
    // a compressed block that decodes to more than 64 KB
    const big = new Block().seq('z', { offset: 1, length: 70000 }).seq('12345');
    fails(frame({ bd: 0x40, blocks: [{ data: big.bytes }] }), 'block-overflow', 11);
    ok(frame({ bd: 0x50, blocks: [{ data: big.bytes }] }), big.out);
  });

  it('header: version, reserved bits and the header checksum are checked', () => {
    fails(frame({ flg: 0x80 | I, blocks: [] }), 'bad-version', 4);
    fails(frame({ flg: V | I | FLG.reserved, blocks: [] }), 'reserved-bits', 4);
    fails(frame({ bd: 0x41, blocks: [] }), 'reserved-bits', 5);
    const good = frame({ blocks: [] });
    fails(frame({ blocks: [], headerChecksum: good[6]! ^ 0x80 }), 'header-checksum', 6);
  });

  it('a dictionary ID is refused with a clear reason: we have no dictionaries', () => {
    const e = fails(frame({ flg: V | I | FLG.dictId, dictId: 0xcafe1234, blocks: [{ data: abc.bytes }] }), 'needs-dictionary', 4);
    assert.match(e.message, /CAFE1234/);
    assert.match(e.message, /no LZ4 dictionaries/);
  });

  it('skippable frames before the frame are stepped over and counted in the consumed length', () => {
    const src = bytes(skippable(0, bytes('user data')), skippable(15, new Uint8Array(0)), frame({ blocks: [{ data: abc.bytes }] }));
    ok(src, abc.out);
    fails(skippable(3, bytes('only')), 'truncated', 12);
    const cut = skippable(1, bytes('0123456789'));
    fails(cut.subarray(0, 12), 'truncated', 0);
  });

  it('legacy frames and other magic numbers are named', () => {
    const e = fails(bytes(0x02, 0x21, 0x4c, 0x18, 0, 0, 0, 0), 'legacy-frame', 0);
    assert.match(e.message, /lz4 -l/);
    const m = fails(bytes('JUNKJUNK'), 'bad-magic', 0);
    assert.match(m.message, /4A 55 4E 4B/);
  });

  it('truncation anywhere is an error at the cut, never a read past the input', () => {
    const src = frame({ flg: V | I | FLG.contentChecksum, content: Uint8Array.from(abc.out), blocks: [{ data: abc.bytes }] });
    for (let n = 0; n < src.length; n++) {
      const st = lz4Codec.decodeInto(src.subarray(0, n), 0, new Uint8Array(1 << 22));
      assert.equal(st.ok, false, `cut at ${n}`);
      if (!st.ok) assert.ok(st.offset <= n, `cut at ${n}: offset ${st.offset}`);
    }
    // `length` bounds the read the same way
    fails(src, 'truncated', undefined, { length: src.length - 1 });
  });

  it('bad blocks: a zero offset, a copy before the start, a literal run past the block, no last literals', () => {
    fails(frame({ blocks: [{ data: bytes(0x10, 0x61, 0x00, 0x00, 0x50, '12345') }] }), 'zero-offset', 11);
    fails(frame({ blocks: [{ data: bytes(0x10, 0x61, 0x02, 0x00, 0x50, '12345') }] }), 'offset-before-start', 11);
    fails(frame({ blocks: [{ data: bytes(0x50, 'abc') }] }), 'truncated-block', 11);
    fails(frame({ blocks: [{ data: bytes(0x40, 'abcd', 0x04, 0x00) }] }), 'missing-last-literals', 18);
  });

  it('the output limit: a frame that would write past maxOutput fails with overflow', () => {
    const big = new Block().seq('z', { offset: 1, length: 5000 }).seq('12345');
    fails(frame({ blocks: [{ data: big.bytes }] }), 'overflow', 11, { maxOutput: 4096 });
    ok(frame({ blocks: [{ data: big.bytes }] }), big.out, { maxOutput: 5006 });
    fails(frame({ blocks: [{ data: new Uint8Array(100), stored: true }] }), 'overflow', 7, { maxOutput: 99 });
  });

  it('strict: the end-of-block rules every encoder follows (last 5 bytes literals, last match 12 before the end)', () => {
    const short = new Block().seq('abcdefgh', { offset: 8, length: 8 }).seq('xy');
    const src = frame({ blocks: [{ data: short.bytes }] });
    ok(src, short.out);
    fails(src, 'end-conditions', undefined, { strict: true });
    ok(frame({ blocks: [{ data: abc.bytes }] }), abc.out, { strict: true });
  });

  it('reads a frame inside other data from its offset and stops at its end', () => {
    const f = frame({ blocks: [{ data: abc.bytes }] });
    const src = bytes(noise(33, 4), f, noise(20, 5));
    const d = lz4Codec.decode(src, 33);
    assert.equal(d.consumed, f.length);
    assert.deepEqual(Array.from(d.data), abc.out);
  });

  it('refuses bad arguments with RangeError (programming errors, not data errors)', () => {
    const f = frame({ blocks: [] });
    assert.throws(() => lz4Codec.decodeInto(f, -1, new Uint8Array(16), { maxOutput: 16 }), RangeError);
    assert.throws(() => lz4Codec.decodeInto(f, 0, new Uint8Array(8), { maxOutput: 16 }), RangeError);
    assert.throws(() => lz4Codec.decodeInto(f, 0, new Uint8Array(16), { maxOutput: 0 }), RangeError);
  });

  it('agrees with lz4 -d on these frames (when lz4 is installed)', function () {
    if (!hasLz4Cli()) {
      console.log('    (skipped: the lz4 command is not installed; scripts/test-unit.mjs installs it as root)');
      this.skip();
    }
    const content = Uint8Array.from(abc.out);
    const lengths = new Block()
      .seq(noise(15 + 255 + 3, 4), { offset: 200, length: 19 + 255 + 1 })
      .seq('', { offset: 1, length: 19 + 255 + 255 })
      .seq(noise(5, 5));
    const first = noise(65535, 9);
    const far = new Block(Array.from(first)).seq('q', { offset: 1, length: 40 }).seq('', { offset: 65535, length: 30 }).seq('12345');
    const cases: Uint8Array[] = [
      frame({ blocks: [{ data: lengths.bytes }] }),
      frame({ flg: V, blocks: [{ data: first, stored: true }, { data: far.bytes }] }),
      frame({ blocks: [{ data: abc.bytes }] }),
      frame({ flg: V | I | FLG.blockChecksum | FLG.contentChecksum | FLG.contentSize, contentSize: content.length, content, blocks: [{ data: abc.bytes }] }),
      frame({
        flg: V,
        blocks: [
          { data: new Block().seq('hello world, hello again').bytes },
          { data: new Block(Array.from(bytes('hello world, hello again'))).seq('', { offset: 24, length: 11 }).seq('!!!!!').bytes },
        ],
      }),
      frame({
        bd: 0x70,
        blocks: [
          { data: bytes('raw '), stored: true },
          { data: new Uint8Array(0), stored: true },
        ],
      }),
      bytes(skippable(7, bytes('xx')), frame({ blocks: [{ data: abc.bytes }] })),
      frame({ flg: V | I | FLG.contentChecksum, content, contentChecksum: 1, blocks: [{ data: abc.bytes }] }),
      frame({ flg: V | I | FLG.blockChecksum, blocks: [{ data: abc.bytes, checksum: 2 }] }),
      frame({ blocks: [], headerChecksum: 0 }),
      frame({ blocks: [{ data: bytes(0x10, 0x61, 0x02, 0x00, 0x50, '12345') }] }),
    ];
    for (const [k, src] of cases.entries()) {
      const theirs = lz4CliDecode(src);
      const st = lz4Codec.decodeInto(src, 0, new Uint8Array(1 << 22));
      assert.equal(st.ok, theirs !== null, `case ${k}: ours ${st.ok ? 'decodes' : 'refuses'}, lz4 -d ${theirs ? 'decodes' : 'refuses'}`);
      if (theirs) assert.deepEqual(Array.from(lz4Codec.decode(src).data), Array.from(theirs), `case ${k}`);
    }
  });
});
