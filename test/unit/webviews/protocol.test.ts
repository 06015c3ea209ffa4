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
      ['setShowWeak', { showWeak: true }],
      ['setTileView', { offset: 0x7fff, cursor: 0x8000, bpp: 4, widthTiles: 16, order: 'sprite16', zoom: 0, paletteId: null }],
      ['setTileView', { offset: 0, cursor: 0, bpp: 2, widthTiles: 64, order: 'linear', zoom: 8, paletteId: 'rom:4096' }],
      ['setOriginal', {}],
      ['painted', { count: 20, ms: 123.4 }],
      ['changes', {}],
      ['createPatch', { format: 'ips' }],
      ['changePreview', { kind: 'hal', bpp: 4, widthTiles: 16, rawTiles: 0, paletteId: null, before: 0x10000, after: 0x20000 }],
      ['changePreview', { kind: 'raw', bpp: 2, widthTiles: 8, rawTiles: 64, paletteId: 'rom:4096', before: null, after: 3 }],
      ['applyStroke', { romOffset: 0x10000, kind: 'hal', bpp: 4, rawTiles: 0, widthTiles: 16, changes: [5, 0, 3, 6, 1, 3], tool: 'Pencil' }],
      ['applyStroke', { romOffset: 0x10000, kind: 'raw', bpp: 2, rawTiles: 16, widthTiles: 16, changes: [], tool: 'Fill' }],
      ['editPaletteColor', { paletteId: 'rom:4096', index: 15, color: 0x7fff }],
    ];
    for (const [m, p] of good) assert.equal(ok(m, p).ok, true, `${m} ${JSON.stringify(p)}`);
  });

  it('rejects strokes and colours that are not well formed', () => {
    const stroke = { romOffset: 0, kind: 'hal', bpp: 4, rawTiles: 0, widthTiles: 16, changes: [0, 0, 1], tool: 'Pencil' };
    const bad: [string, unknown, RegExp][] = [
      ['applyStroke', { ...stroke, changes: [0, 0] }, /invalid changes/],
      ['applyStroke', { ...stroke, changes: [0, 0, 256] }, /invalid changes/],
      ['applyStroke', { ...stroke, changes: [-1, 0, 1] }, /invalid changes/],
      ['applyStroke', { ...stroke, changes: [0.5, 0, 1] }, /invalid changes/],
      ['applyStroke', { ...stroke, changes: 'x' }, /invalid changes/],
      ['applyStroke', { ...stroke, tool: '<script>' }, /invalid tool/],
      ['applyStroke', { ...stroke, bpp: 3 }, /invalid bpp/],
      ['applyStroke', { ...stroke, extra: 1 }, /unexpected params extra/],
      ['editPaletteColor', { paletteId: 'cgram:x:8', index: 0, color: 0 }, /invalid paletteId/],
      ['editPaletteColor', { paletteId: 'rom:1', index: 16, color: 0 }, /invalid index/],
      ['editPaletteColor', { paletteId: 'rom:1', index: 0, color: 0x8000 }, /invalid color/],
      ['setTileView', { offset: 0, cursor: 0, bpp: 4, widthTiles: 65, order: 'linear', zoom: 0, paletteId: null }, /invalid widthTiles/],
      ['setTileView', { offset: 0, cursor: 0, bpp: 4, widthTiles: 16, order: 'linear', zoom: 9, paletteId: null }, /invalid zoom/],
      ['setTileView', { offset: 0, cursor: 0, bpp: 4, widthTiles: 16, order: 'linear', zoom: 0, paletteId: '<img>' }, /invalid paletteId/],
      ['setTileView', { offset: -1, cursor: 0, bpp: 4, widthTiles: 16, order: 'linear', zoom: 0, paletteId: null }, /invalid offset/],
      ['setOriginal', { path: '/etc/passwd' }, /unexpected params path/],
    ];
    for (const [m, p, re] of bad) {
      const r = ok(m, p);
      assert.equal(r.ok, false, JSON.stringify(p));
      assert.match((r as { reason: string }).reason, re);
    }
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
      [{ kind: 'request', id: 1, method: 'setShowWeak', params: { showWeak: 'yes' } }, /invalid showWeak/],
      [{ kind: 'request', id: 1, method: 'painted', params: { count: 1, ms: Infinity } }, /invalid ms/],
      [{ kind: 'request', id: 1, method: 'createPatch', params: { format: 'ups' } }, /invalid format/],
      [{ kind: 'request', id: 1, method: 'changes', params: { path: '/etc' } }, /unexpected params path/],
      [
        {
          kind: 'request',
          id: 1,
          method: 'changePreview',
          params: { kind: 'hal', bpp: 4, widthTiles: 16, rawTiles: 0, paletteId: null, before: -1, after: null },
        },
        /invalid before/,
      ],
      [
        { kind: 'request', id: 1, method: 'changePreview', params: { kind: 'hal', bpp: 4, widthTiles: 16, rawTiles: 0, paletteId: null, before: null } },
        /missing params after/,
      ],
      [
        {
          kind: 'request',
          id: 1,
          method: 'changePreview',
          params: { kind: 'hal', bpp: 4, widthTiles: 0, rawTiles: 0, paletteId: null, before: null, after: 1 },
        },
        /invalid widthTiles/,
      ],
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
