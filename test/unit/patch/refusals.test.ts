import * as assert from 'node:assert/strict';
import { applyBps, applyRomPatch, createBps, createRomPatch, PatchError } from '../../../src/core/patch';
import { ascii, bpsFile, referenceCrc32 } from './helpers';

const refused = (reason: string, text?: RegExp) => (e: unknown) => e instanceof PatchError && e.reason === reason && (!text || text.test(e.message));

function rom(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('patch refusals', () => {
  const source = rom(4096, 1);
  const target = source.slice();
  target.set([1, 2, 3, 4, 5, 6, 7, 8], 100);
  target.copyWithin(2000, 10, 300);
  const patch = createBps(source, target);

  it('a flipped byte anywhere after the magic is a CRC error, and the ROM is untouched', () => {
    const before = source.slice();
    for (let i = 4; i < patch.length; i++) {
      const bad = patch.slice();
      bad[i] ^= 0x10;
      assert.throws(() => applyBps(source, bad), refused('checksum', /damaged or truncated.*nothing was written/), `byte ${i}`);
    }
    assert.deepEqual(source, before);
  });

  it('a truncated patch is refused at every length', () => {
    for (let n = 0; n < patch.length; n++)
      assert.throws(
        () => applyBps(source, patch.subarray(0, n)),
        (e: unknown) => e instanceof PatchError,
        `${n} bytes`,
      );
  });

  it('a patch for another ROM: refused by size or by CRC, naming both', () => {
    assert.throws(() => applyBps(source.subarray(0, 4000), patch), refused('wrong-source', /expects a 4096-byte original, this one is 4000 bytes/));
    const other = source.slice();
    other[5] ^= 1;
    const want = referenceCrc32(source).toString(16).toUpperCase().padStart(8, '0');
    const got = referenceCrc32(other).toString(16).toUpperCase().padStart(8, '0');
    assert.throws(() => applyBps(other, patch), refused('wrong-source', new RegExp(`CRC32 ${want}, this one has ${got}`)));
  });

  it('actions outside the files are refused even with good CRCs', () => {
    const src = Uint8Array.from(ascii('ABCD'));
    const tgt = Uint8Array.from(ascii('ABCDABCD'));
    const head = [...ascii('BPS1'), 0x84, 0x88, 0x80];
    const cases: [string, number[], RegExp][] = [
      ['SourceRead past the source', [0x9c], /sourceRead\) reads past the 4-byte source/],
      ['SourceCopy before the start', [0x9e, 0x83], /sourceCopy\) reads source bytes -1/],
      ['TargetCopy of unwritten bytes', [0x8c, 0x8f, 0x88], /targetCopy\) reads target byte 4, which is not written yet/],
      ['an action past the target', [0xa0], /writes past the 8-byte target/],
      ['too few bytes written', [0x8c], /write 4 bytes but the header promises 8/],
      ['TargetRead into the footer', [0x9d, 0x41], /truncated: targetRead/],
    ];
    for (const [what, actions, msg] of cases) assert.throws(() => applyBps(src, bpsFile(src, tgt, [...head, ...actions])), refused('malformed', msg), what);
    assert.deepEqual(Array.from(applyBps(src, bpsFile(src, tgt, [...head, 0x8c, 0x8e, 0x80])).target), ascii('ABCDABCD'));
    // Well-formed actions whose result is not the target the footer names.
    const other = bpsFile(src, tgt, [...head, 0x8c, 0x8d, ...ascii('WXYZ')]);
    assert.throws(() => applyBps(src, other), refused('checksum', /result has CRC32 .* but the patch expects/));
  });

  it('ROM files: a wrong ROM with a copier header is refused, and a BPS made against the headered file still applies', () => {
    const header = new Uint8Array(512).fill(1);
    const a = rom(8192, 2);
    const b = a.slice();
    b[100] ^= 0xff;
    const headered = Uint8Array.from([...header, ...a]);
    const made = createRomPatch(a, b, 'bps');
    assert.throws(() => applyRomPatch(Uint8Array.from([...header, ...rom(8192, 3)]), made.patch), refused('wrong-source'));
    const foreign = createBps(headered, Uint8Array.from([...header, ...b]));
    const r = applyRomPatch(headered, foreign);
    assert.equal(r.header, 'patched');
    assert.deepEqual(r.bytes, Uint8Array.from([...header, ...b]));
    assert.throws(() => applyRomPatch(a, Uint8Array.from(ascii('NOTAPATCH'))), refused('unsupported'));
    assert.throws(() => createRomPatch(a, new Uint8Array(0x1000001), 'ips'), refused('too-large'));
  });
});
