import * as assert from 'node:assert/strict';
import { parseWebviewRequest } from '../../../src/webviews/protocol';

describe('webview protocol validation', () => {
  const ok = (method: string, params: unknown) => parseWebviewRequest({ kind: 'request', id: 1, method, params });

  it('accepts well-formed requests of every method', () => {
    const good: [string, unknown][] = [
      ['ready', {}],
      ['fixChecksum', {}],
      ['gallery', {}],
      ['thumbnails', { offsets: [0, 0x10000], maxTiles: 256 }],
      ['block', { romOffset: 5, kind: 'hal', bpp: 4, widthTiles: 16, rawTiles: 0 }],
      ['tiles', { romOffset: 0, bpp: 2, widthTiles: 16, rows: 32 }],
      ['decompressAt', { romOffset: 3 }],
      ['loadPalette', { source: 'rom', address: '$80:8200' }],
      ['loadPalette', { source: 'cgram', index: 8 }],
      ['loadPalette', { source: 'palJson' }],
      ['loadPalette', { source: 'grayscale' }],
      ['exportPng', { romOffset: 1, bpp: 4, widthTiles: 16, paletteId: 'auto' }],
      ['exportPng', { romOffset: 1, bpp: 4, widthTiles: 16, paletteId: 'auto', order: 'sprite16' }],
      ['resolveAddress', { address: '$C0:8000' }],
      ['rename', { romOffset: 1, name: 'Hero' }],
      ['inject', { romOffset: 1 }],
      ['scan', { action: 'cancel' }],
      ['painted', { count: 20, ms: 123.4 }],
      ['changes', {}],
      ['createPatch', { format: 'ips' }],
    ];
    for (const [m, p] of good) assert.equal(ok(m, p).ok, true, `${m} ${JSON.stringify(p)}`);
  });

  it('rejects anything else with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [null, /not an object/],
      [[1], /not an object/],
      [{ kind: 'event' }, /unknown message kind/],
      [{ kind: 'request', id: -1, method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: 1.5, method: 'ready' }, /invalid id/],
      [{ kind: 'request', id: 1, method: 'eval', params: {} }, /unknown method/],
      [{ kind: 'request', id: 1, method: '__proto__', params: {} }, /unknown method/],
      [{ kind: 'request', id: 1, method: 'ready', params: [] }, /params must be an object/],
      [{ kind: 'request', id: 1, method: 'ready', params: { x: 1 } }, /unexpected params x/],
      [{ kind: 'request', id: 1, method: 'thumbnails', params: { offsets: [-1], maxTiles: 1 } }, /invalid offsets/],
      [{ kind: 'request', id: 1, method: 'thumbnails', params: { offsets: new Array(300).fill(0), maxTiles: 1 } }, /invalid offsets/],
      [{ kind: 'request', id: 1, method: 'thumbnails', params: { offsets: [0] } }, /missing params maxTiles/],
      [{ kind: 'request', id: 1, method: 'block', params: { romOffset: 0, kind: 'zip', bpp: 4, widthTiles: 1, rawTiles: 0 } }, /invalid kind/],
      [{ kind: 'request', id: 1, method: 'block', params: { romOffset: 0, kind: 'hal', bpp: 3, widthTiles: 1, rawTiles: 0 } }, /invalid bpp/],
      [{ kind: 'request', id: 1, method: 'loadPalette', params: { source: 'file', path: '/etc/passwd' } }, /unknown palette source/],
      [{ kind: 'request', id: 1, method: 'loadPalette', params: { source: 'cgram', index: 16 } }, /invalid index/],
      [{ kind: 'request', id: 1, method: 'rename', params: { romOffset: 0, name: '   ' } }, /invalid name/],
      [{ kind: 'request', id: 1, method: 'scan', params: { action: 'delete' } }, /invalid action/],
      [{ kind: 'request', id: 1, method: 'painted', params: { count: 1, ms: Infinity } }, /invalid ms/],
      [{ kind: 'request', id: 1, method: 'createPatch', params: { format: 'ups' } }, /invalid format/],
      [{ kind: 'request', id: 1, method: 'changes', params: { path: '/etc' } }, /unexpected params path/],
      [{ kind: 'request', id: 1, method: 'exportPng', params: { romOffset: 0, bpp: 4, widthTiles: 16, paletteId: 'auto', order: 'zigzag' } }, /invalid order/],
      [{ kind: 'request', id: 1, method: 'resolveAddress', params: { address: 'x'.repeat(41) } }, /invalid address/],
      [{ kind: 'request', id: 1, method: 'resolveAddress', params: { address: 1234 } }, /invalid address/],
    ];
    for (const [raw, re] of bad) {
      const r = parseWebviewRequest(raw);
      assert.equal(r.ok, false, JSON.stringify(raw)?.slice(0, 80));
      if (!r.ok) assert.match(r.reason, re);
    }
  });
});
