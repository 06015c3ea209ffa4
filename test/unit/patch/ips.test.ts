import * as assert from 'node:assert/strict';
import { applyIps, createIps, IPS_EOF_OFFSET, IPS_MAX_FILE, parseIps, PatchError } from '../../../src/core/patch';

const refused = (reason: string) => (e: unknown) => e instanceof PatchError && e.reason === reason;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Walks the raw records, as a patcher would, and returns their offsets (independent of parseIps). */
function rawOffsets(patch: Uint8Array): number[] {
  const out: number[] = [];
  let p = 5;
  for (;;) {
    const off = (patch[p]! << 16) | (patch[p + 1]! << 8) | patch[p + 2]!;
    if (patch[p] === 0x45 && patch[p + 1] === 0x4f && patch[p + 2] === 0x46) return out;
    out.push(off);
    const size = (patch[p + 3]! << 8) | patch[p + 4]!;
    p += 5 + (size === 0 ? 3 : size);
  }
}

describe('IPS', () => {
  it('never starts a record at 0x454F46 ("EOF"), whatever the edit around it', () => {
    const base = new Uint8Array(IPS_EOF_OFFSET + 0x20000);
    for (let i = 0; i < base.length; i++) base[i] = (i * 7) & 0xff;
    const edits: [string, (t: Uint8Array) => void][] = [
      ['one byte at the offset', (t) => (t[IPS_EOF_OFFSET] ^= 1)],
      ['a run starting at the offset', (t) => t.fill(0xaa, IPS_EOF_OFFSET, IPS_EOF_OFFSET + 40)],
      [
        'a run ending just before the offset, then literals',
        (t) => {
          t.fill(0xaa, IPS_EOF_OFFSET - 40, IPS_EOF_OFFSET);
          for (let i = IPS_EOF_OFFSET; i < IPS_EOF_OFFSET + 5; i++) t[i] ^= 0x55;
        },
      ],
      [
        'literals up to the offset, then a run',
        (t) => {
          for (let i = IPS_EOF_OFFSET - 5; i < IPS_EOF_OFFSET; i++) t[i] ^= 0x55;
          t.fill(0xbb, IPS_EOF_OFFSET, IPS_EOF_OFFSET + 40);
        },
      ],
      [
        'a 64 KiB record would end at the offset',
        (t) => {
          for (let i = IPS_EOF_OFFSET - 0xffff; i < IPS_EOF_OFFSET + 10; i++) t[i] ^= 0x33;
        },
      ],
      ['a long run would be split at the offset', (t) => t.fill(0x11, IPS_EOF_OFFSET - 0xffff, IPS_EOF_OFFSET + 100)],
    ];
    for (const [what, edit] of edits) {
      const target = base.slice();
      edit(target);
      const patch = createIps(base, target);
      const offsets = rawOffsets(patch);
      assert.ok(offsets.length > 0, what);
      assert.ok(!offsets.includes(IPS_EOF_OFFSET), `${what}: record at 0x454F46 in ${offsets.map((o) => o.toString(16))}`);
      assert.ok(same(applyIps(base, patch), target), `${what}: round trip`);
    }
  });

  it('writes runs as RLE records, splitting at 65535 bytes', () => {
    const source = new Uint8Array(200000).fill(1);
    const target = source.slice();
    target.fill(9, 1000, 1000 + 70000);
    const patch = createIps(source, target);
    const records = parseIps(patch).records;
    assert.deepEqual(
      records.map((r) => [r.offset, r.size, r.rleByte]),
      [
        [1000, 65535, 9],
        [66535, 4465, 9],
      ],
    );
    assert.equal(patch.length, 5 + 8 + 8 + 3);
    assert.ok(same(applyIps(source, patch), target));
  });

  it('keeps short runs inside literal records and merges nearby edits', () => {
    const source = new Uint8Array(100);
    const target = source.slice();
    target.set([1, 2, 3, 3, 3, 3, 4], 10); // a run of 4 inside: cheaper as literals
    target[20] = 5; // 3 unchanged bytes away: cheaper to include them than a new header
    const records = parseIps(createIps(source, target)).records;
    assert.deepEqual(
      records.map((r) => [r.offset, r.size, r.rleByte]),
      [[10, 11, undefined]],
    );
  });

  it('truncates with the extension when the modified file is shorter, and grows it when longer', () => {
    const source = new Uint8Array(64).map((_, i) => i);
    const shorter = source.slice(0, 40);
    shorter[3] = 0xee;
    const p1 = createIps(source, shorter);
    assert.equal(parseIps(p1).truncate, 40);
    assert.deepEqual(Array.from(p1.subarray(p1.length - 6)), [0x45, 0x4f, 0x46, 0x00, 0x00, 40]);
    assert.ok(same(applyIps(source, p1), shorter));
    const longer = new Uint8Array(100);
    longer.set(source);
    const p2 = createIps(source, longer);
    assert.equal(parseIps(p2).truncate, null);
    assert.ok(same(applyIps(source, p2), longer), 'zeros past the end are written, not assumed');
  });

  it('refuses files over 16 MiB, and records that write past it', () => {
    const big = new Uint8Array(IPS_MAX_FILE + 1);
    assert.throws(() => createIps(new Uint8Array(16), big), refused('too-large'));
    assert.throws(() => createIps(big, new Uint8Array(16)), refused('too-large'));
    const ok = createIps(new Uint8Array(4), Uint8Array.from([0, 1, 0, 0]));
    assert.throws(() => applyIps(big, ok), refused('too-large'));
    const past = Uint8Array.from([0x50, 0x41, 0x54, 0x43, 0x48, 0xff, 0xff, 0xff, 0x00, 0x02, 1, 2, 0x45, 0x4f, 0x46]);
    assert.throws(() => parseIps(past), refused('too-large'));
  });

  it('refuses truncated and malformed files with the byte they fail at', () => {
    const good = createIps(new Uint8Array(32), new Uint8Array(32).fill(7, 4, 9));
    for (let n = 5; n < good.length; n++) assert.throws(() => parseIps(good.subarray(0, n)), refused('malformed'), `cut at ${n}`);
    assert.throws(() => parseIps(Uint8Array.from([...good, 1])), /1 unexpected bytes after "EOF"/);
    assert.throws(() => parseIps(Uint8Array.from([0x50, 0x41, 0x54, 0x43, 0x48, 0, 0, 1, 0, 0, 0, 0, 7, 0x45, 0x4f, 0x46])), /repeats a byte 0 times/);
    assert.throws(() => parseIps(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])), refused('unsupported'));
    const cut = Uint8Array.from([0x50, 0x41, 0x54, 0x43, 0x48, 0x45, 0x4f, 0x46, 0, 0, 99]);
    assert.throws(() => applyIps(new Uint8Array(10), cut), /truncation size 99 is larger/);
  });
});
