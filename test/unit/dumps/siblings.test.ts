import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dumpKindOf, dumpStem, findSiblings } from '../../../src/core/dumps/siblings';
import { requireShared } from '../../support/shared';

describe('dumps/siblings', () => {
  it('tells dump kinds from Mesen names and VRAM/CGRAM/OAM words', () => {
    assert.equal(dumpKindOf('Cave.SnesVideoRam.dmp'), 'vram');
    assert.equal(dumpKindOf('Cave.SnesCgRam.dmp'), 'cgram');
    assert.equal(dumpKindOf('Cave.SnesSpriteRam.dmp'), 'oam');
    assert.equal(dumpKindOf('level1_VRAM.bin'), 'vram');
    assert.equal(dumpKindOf('level1-oam.dmp'), 'oam');
    assert.equal(dumpKindOf('foam.dmp'), null);
    assert.equal(dumpKindOf('Cave.SnesCgRam_palette_8.pal.json'), null);
    assert.equal(dumpStem('Cave.SnesVideoRam.dmp'), 'cave');
    assert.equal(dumpStem('SnesVideoRam.VRAM.dmp'), '');
  });

  it('prefers the same stem, else the only candidate of a kind', () => {
    const names = ['a.SnesVideoRam.dmp', 'a.SnesCgRam.dmp', 'b.SnesCgRam.dmp', 'a.SnesSpriteRam.dmp', 'b_OAM.dmp', 'notes.txt'];
    assert.deepEqual(findSiblings('a.SnesVideoRam.dmp', names), { vram: 'a.SnesVideoRam.dmp', cgram: 'a.SnesCgRam.dmp', oam: 'a.SnesSpriteRam.dmp' });
    assert.deepEqual(findSiblings('b.SnesCgRam.dmp', names), { cgram: 'b.SnesCgRam.dmp', vram: 'a.SnesVideoRam.dmp', oam: 'b_OAM.dmp' });
    assert.deepEqual(findSiblings('x.dmp', ['x.dmp', 'a.cgram.dmp', 'b.cgram.dmp']), {});
  });

  it('pairs the real fixture dumps', function () {
    const shared = requireShared(this);
    const names = readdirSync(join(shared, 'fixtures', 'kss-mesen'));
    assert.deepEqual(findSiblings('Cave.SnesVideoRam.dmp', names), {
      vram: 'Cave.SnesVideoRam.dmp',
      cgram: 'Cave.SnesCgRam.dmp',
      oam: 'Cave.SnesSpriteRam.dmp',
    });
    assert.deepEqual(findSiblings('SnesVideoRam.VRAM.dmp', names), { vram: 'SnesVideoRam.VRAM.dmp', cgram: 'SnesCgRam.dmp', oam: 'SnesSpriteRam.OAM.dmp' });
    assert.deepEqual(findSiblings('SnesSpriteRam.OAM.dmp', names), { oam: 'SnesSpriteRam.OAM.dmp', cgram: 'SnesCgRam.dmp', vram: 'SnesVideoRam.VRAM.dmp' });
  });
});
