import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyBps, applyIps, applyRomPatch, createBps, createIps, createRomPatch, parseIps } from '../../../src/core/patch';

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** A random original: random bytes, runs and repeated blocks, as ROMs have. */
const original = fc
  .array(
    fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 300 }),
      fc.record({ byte: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 1, max: 400 }) }).map(({ byte, len }) => new Uint8Array(len).fill(byte)),
    ),
    { maxLength: 12 },
  )
  .map((parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  });

type Edit =
  | { kind: 'set'; at: number; bytes: Uint8Array }
  | { kind: 'fill'; at: number; len: number; byte: number }
  | { kind: 'move'; from: number; to: number; len: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'resize'; size: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('fill' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 300 }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat(), len: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 60 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('resize' as const), size: fc.nat({ max: 3000 }) }),
);

function modify(src: Uint8Array, edits: Edit[]): Uint8Array {
  let t = Array.from(src);
  for (const e of edits) {
    const at = (x: number) => (t.length ? x % (t.length + 1) : 0);
    if (e.kind === 'set') t.splice(at(e.at), e.bytes.length, ...e.bytes);
    else if (e.kind === 'fill') t.splice(at(e.at), e.len, ...new Array<number>(e.len).fill(e.byte));
    else if (e.kind === 'move') {
      const block = t.slice(at(e.from), at(e.from) + e.len);
      t.splice(at(e.to), block.length, ...block);
    } else if (e.kind === 'insert') t.splice(at(e.at), 0, ...e.bytes);
    else if (e.kind === 'delete') t.splice(at(e.at), e.len);
    else t = e.size < t.length ? t.slice(0, e.size) : [...t, ...new Array<number>(e.size - t.length).fill(0)];
  }
  return Uint8Array.from(t);
}

const pair = fc.tuple(original, fc.array(edit, { maxLength: 8 })).map(([s, edits]) => ({ source: s, target: modify(s, edits) }));

describe('patch round trips (fast-check)', () => {
  it('BPS: create then apply gives back the target exactly', () => {
    fc.assert(
      fc.property(pair, ({ source, target }) => {
        const patch = createBps(source, target);
        assert.ok(same(applyBps(source, patch).target, target));
      }),
      { numRuns: 400 },
    );
  });

  it('BPS: unrelated files and empty files too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.uint8Array({ maxLength: 600 }), (source, target) => {
        assert.ok(same(applyBps(source, createBps(source, target)).target, target));
      }),
      { numRuns: 200 },
    );
  });

  it('IPS: create then apply gives back the target exactly, with no record at the EOF offset', () => {
    fc.assert(
      fc.property(pair, ({ source, target }) => {
        const patch = createIps(source, target);
        assert.ok(same(applyIps(source, patch), target));
        const records = parseIps(patch).records;
        for (let i = 1; i < records.length; i++)
          assert.ok(records[i]!.offset >= records[i - 1]!.offset + records[i - 1]!.size, 'records in order, not overlapping');
      }),
      { numRuns: 400 },
    );
  });

  it('ROM patches: made between headerless ROMs; applied to a headered ROM, the header is kept', () => {
    fc.assert(
      fc.property(pair, fc.boolean(), fc.boolean(), fc.constantFrom('bps' as const, 'ips' as const), ({ source, target }, headerA, headerB, format) => {
        // Pad to whole KiB so a copier header is recognisable (size % 1024 == 512).
        const pad = (b: Uint8Array) => {
          const out = new Uint8Array(Math.max(1024, Math.ceil(b.length / 1024) * 1024));
          out.set(b);
          return out;
        };
        const header = new Uint8Array(512).fill(0x5a);
        const withHeader = (b: Uint8Array, yes: boolean) => (yes ? Uint8Array.from([...header, ...b]) : b);
        const s = pad(source);
        const t = pad(target);
        const made = createRomPatch(withHeader(s, headerA), withHeader(t, headerB), format);
        assert.deepEqual(made.headers, { original: headerA, modified: headerB });
        assert.equal(made.summary.sourceSize, s.length);
        const plain = applyRomPatch(s, made.patch);
        assert.ok(same(plain.bytes, t));
        assert.equal(plain.header, 'none');
        const headered = applyRomPatch(withHeader(s, true), made.patch);
        assert.ok(same(headered.bytes, withHeader(t, true)));
        assert.equal(headered.header, 'kept');
      }),
      { numRuns: 60 },
    );
  });
});
