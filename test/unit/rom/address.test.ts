import * as assert from 'node:assert/strict';
import { parseAddress, AddressError } from '../../../src/core/rom';

const hirom = { mapping: 'hirom' as const, romSize: 0x100000, copierHeaderSize: 0 };
const loromSmc = { mapping: 'lorom' as const, romSize: 0x80000, copierHeaderSize: 512 };

describe('address parser', () => {
  it('understands every SNES form and says so', () => {
    for (const text of ['$C1:2345', 'C1:2345', '$C12345', 'C12345', ' $c1:2345 ']) {
      const r = parseAddress(text, hirom);
      assert.equal(r.form, 'snes', text);
      assert.equal(r.romOffset, 0x12345);
      assert.equal(r.fileOffset, 0x12345);
      assert.equal(r.snes, 0xc12345);
      assert.match(r.description, /SNES address \$C1:2345 \(hirom\) = file offset 0x012345/);
    }
  });

  it('reads 0x... and decimal as on-disk offsets, copier header included', () => {
    const hexed = parseAddress('0x8200', loromSmc);
    assert.equal(hexed.form, 'file-hex');
    assert.equal(hexed.romOffset, 0x8000);
    assert.equal(hexed.snes, 0x818000);
    assert.match(hexed.description, /file offset 0x008200 \(SNES \$81:8000\)/);
    const dec = parseAddress('33280', loromSmc);
    assert.equal(dec.form, 'file-decimal');
    assert.equal(dec.fileOffset, 33280);
    assert.match(dec.description, /decimal 33280/);
    const snes = parseAddress('$81:8000', loromSmc);
    assert.equal(snes.fileOffset, 0x8200);
  });

  it('rejects bad, unmapped and out-of-range addresses with a clear message', () => {
    const cases: [string, RegExp][] = [
      ['', /empty address/],
      ['hello', /is not an address/],
      ['$C0:80000', /is not an address/],
      ['$00:1234', /maps to no ROM byte in hirom/],
      ['$DF:0000', /past the end of this 1048576-byte ROM/],
      ['0x100000', /past the end of the 1048576-byte file/],
    ];
    for (const [text, re] of cases)
      assert.throws(
        () => parseAddress(text, hirom),
        (e: Error) => e instanceof AddressError && re.test(e.message),
        text,
      );
    assert.throws(() => parseAddress('0x100', loromSmc), /inside the 512-byte copier header/);
    assert.throws(() => parseAddress('$C0:0000', { ...hirom, mapping: 'unknown' }), /mapping is unknown/);
  });

  it('gives no SNES address for a file offset when the mapping is unknown', () => {
    const r = parseAddress('0x10', { ...hirom, mapping: 'unknown' });
    assert.equal(r.snes, null);
    assert.equal(r.description, 'file offset 0x000010');
  });
});
