import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from '../../../src/core/hal';
import { readShared, requireShared } from '../../support/shared';

/** The reference vectors: NAME.bin with what inhal -1 and -2 (exhal 76b12ee) wrote for it. */
describe('HAL corpus (shared/fixtures/hal/corpus)', function () {
  let dir = '';
  let names: string[] = [];
  before(function () {
    const shared = requireShared(this);
    dir = join(shared, 'fixtures', 'hal', 'corpus');
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.bin'))
      .map((f) => f.slice(0, -4))
      .sort();
  });

  const read = (file: string) => readShared(dir, file);

  it('has the expected vectors', () => {
    assert.ok(names.length >= 8, `only ${names.length} vectors`);
    assert.ok(names.includes('sprite_64k') && names.includes('zeros_64k') && names.includes('random_8k'));
  });

  it('decodes every .hal back to its .bin, consuming the whole file (also in strict mode)', () => {
    for (const name of names) {
      const bin = read(`${name}.bin`);
      for (const level of ['inhal1', 'inhal2']) {
        const hal = read(`${name}.${level}.hal`);
        const r = decode(hal, 0, { strict: true });
        assert.equal(r.consumed, hal.length, `${name}.${level}`);
        assert.ok(Buffer.from(r.data).equals(Buffer.from(bin)), `${name}.${level} decodes to the .bin`);
      }
    }
  });

  it('fast reproduces inhal -1 and greedy reproduces inhal -2 byte for byte', () => {
    for (const name of names) {
      const bin = read(`${name}.bin`);
      for (const [level, file] of [
        ['fast', 'inhal1'],
        ['greedy', 'inhal2'],
      ] as const) {
        const ours = encode(bin, { level, maxSize: 0x20000 });
        const ref = read(`${name}.${file}.hal`);
        assert.equal(ours.length, ref.length, `${name} ${level} size`);
        assert.ok(Buffer.from(ours).equals(Buffer.from(ref)), `${name} ${level} bytes`);
      }
    }
  });

  it('optimal is never larger than inhal -2, decodes back strictly, and beats it by >= 2 % on sprite sheets', () => {
    let ours = 0;
    let ref = 0;
    for (const name of names) {
      const bin = read(`${name}.bin`);
      const inhal2 = read(`${name}.inhal2.hal`).length;
      const opt = encode(bin, { maxSize: 0x20000 });
      assert.ok(opt.length <= inhal2, `${name}: optimal ${opt.length} > inhal -2 ${inhal2}`);
      const back = decode(opt, 0, { strict: true });
      assert.equal(back.consumed, opt.length);
      assert.ok(Buffer.from(back.data).equals(Buffer.from(bin)), `${name}: optimal round trip`);
      if (name.startsWith('sprite_')) {
        assert.ok(opt.length <= inhal2 * 0.98, `${name}: ${opt.length} is not 2 % under ${inhal2}`);
        ours += opt.length;
        ref += inhal2;
      }
    }
    assert.ok(ours <= ref * 0.98, `sprite sheets: ${ours} vs ${ref}`);
  });
});
