import * as assert from 'node:assert/strict';
import { parseDumpRequest } from '../../../src/webviews/dump-protocol';

describe('dump viewer protocol validation', () => {
  const req = (method: string, params: unknown) => parseDumpRequest({ kind: 'request', id: 7, method, params });

  it('accepts well-formed requests of every method', () => {
    const good: [string, unknown][] = [
      ['ready', {}],
      ['tiles', { bpp: 4, widthTiles: 16 }],
      ['tiles', { bpp: 2, widthTiles: 8 }],
      ['tiles', { bpp: 8, widthTiles: 64 }],
      ['composite', {}],
      ['pickSibling', { kind: 'cgram' }],
      ['pickSibling', { kind: 'oam' }],
      ['setObsel', { sizeMode: 0, nameSelect: 0, base: null }],
      ['setObsel', { sizeMode: 7, nameSelect: 3, base: 0xc000 }],
      ['setObsel', { sizeMode: 3, nameSelect: 1, base: 0 }],
      ['findInRom', { sprite: 0 }],
      ['findInRom', { sprite: 127 }],
      ['findInRom', { tiles: { first: 1536, count: 4, bpp: 4 } }],
      ['select', { selection: null }],
      ['select', { selection: { sprite: 5 } }],
      ['select', { selection: { tiles: { first: 0, count: 1024, bpp: 2 } } }],
    ];
    for (const [m, p] of good) {
      const r = req(m, p);
      assert.equal(r.ok, true, `${m} ${JSON.stringify(p)}: ${r.ok ? '' : r.reason}`);
      if (r.ok) assert.deepEqual(r.request, { kind: 'request', id: 7, method: m, params: p });
    }
    // No params at all reads as {} for methods that take none.
    assert.equal(parseDumpRequest({ kind: 'request', id: 0, method: 'ready' }).ok, true);
  });

  it('rejects anything else with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /not an object/],
      [null, /not an object/],
      ['ready', /not an object/],
      [[{ kind: 'request' }], /not an object/],
      [{ kind: 'response', id: 1, method: 'ready' }, /unknown message kind/],
      [{ kind: 'request', id: 1, method: 'ready', params: {}, extra: true }, /unexpected fields extra/],
      [{ kind: 'request', method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: '1', method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: -1, method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: 2 ** 60, method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: 1, method: 'gallery', params: {} }, /unknown method/],
      [{ kind: 'request', id: 1, method: 'toString', params: {} }, /unknown method/],
      [{ kind: 'request', id: 1, method: '__proto__', params: {} }, /unknown method/],
      [{ kind: 'request', id: 1, method: 'ready', params: null }, /params must be an object/],
      [{ kind: 'request', id: 1, method: 'ready', params: [] }, /params must be an object/],
      [{ kind: 'request', id: 1, method: 'ready', params: 'x' }, /params must be an object/],
      [{ kind: 'request', id: 1, method: 'ready', params: { x: 1 } }, /unexpected params x/],
      [{ kind: 'request', id: 1, method: 'composite', params: { all: true } }, /unexpected params all/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: 4 } }, /missing params widthTiles/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: 3, widthTiles: 16 } }, /invalid bpp/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: '4', widthTiles: 16 } }, /invalid bpp/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: 4, widthTiles: 0 } }, /invalid widthTiles/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: 4, widthTiles: 1e9 } }, /invalid widthTiles/],
      [{ kind: 'request', id: 1, method: 'tiles', params: { bpp: 4, widthTiles: 16.5 } }, /invalid widthTiles/],
      [{ kind: 'request', id: 1, method: 'pickSibling', params: { kind: 'vram' } }, /invalid kind/],
      [{ kind: 'request', id: 1, method: 'pickSibling', params: { kind: 'cgram', path: '/etc/passwd' } }, /unexpected params path/],
      [{ kind: 'request', id: 1, method: 'pickSibling', params: {} }, /missing params kind/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 8, nameSelect: 0, base: null } }, /invalid sizeMode/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 1.5, nameSelect: 0, base: null } }, /invalid sizeMode/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 0, nameSelect: -1, base: null } }, /invalid nameSelect/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 0, nameSelect: 0, base: 0x2000 } }, /invalid base/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 0, nameSelect: 0, base: '49152' } }, /invalid base/],
      [{ kind: 'request', id: 1, method: 'setObsel', params: { sizeMode: 0, nameSelect: 0 } }, /missing params base/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { sprite: 128 } }, /invalid sprite/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { sprite: 1, tiles: {} } }, /unexpected params tiles/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: {} }, /names a sprite or tiles/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { tiles: { first: 0, count: 1025, bpp: 4 } } }, /invalid count/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { tiles: { first: 0, count: 0, bpp: 4 } } }, /invalid count/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { tiles: { first: 0, count: 1, bpp: 3 } } }, /invalid bpp/],
      [{ kind: 'request', id: 1, method: 'findInRom', params: { tiles: [1] } }, /tiles is an object/],
      [{ kind: 'request', id: 1, method: 'select', params: { selection: 'sprite' } }, /a selection is an object/],
      [{ kind: 'request', id: 1, method: 'select', params: {} }, /missing params selection/],
    ];
    for (const [raw, re] of bad) {
      const r = parseDumpRequest(raw);
      assert.equal(r.ok, false, JSON.stringify(raw)?.slice(0, 80));
      if (!r.ok) assert.match(r.reason, re, JSON.stringify(raw)?.slice(0, 80));
    }
  });
});
