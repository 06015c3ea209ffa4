import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encode } from 'fast-png';
import { hex } from '../../core/format';
import { parseOam } from '../../core/dumps/oam';
import { findSiblings } from '../../core/dumps/siblings';
import { DEFAULT_OBJ_BASE, findObjBase, renderSpriteScreen } from '../../core/dumps/vram-sheet';
import { intOpt, printJson, requirePositional, stringOpt, UsageError, type Command } from '../command';
import { readInputFile } from '../files';
import { requireOutput, writeFileAtomic } from './gfx-args';

export const vramCommand: Command = {
  name: 'vram',
  help: `spritepal vram <vram.dmp> [--cgram <file>] [--oam <file>] -o <sheet.png> [--json]

Draws every visible OAM sprite from the VRAM tiles with its own CGRAM palette onto a 256x224
transparent sheet (lower OAM index on top). CGRAM and OAM dumps beside the VRAM dump are found by
name when not given (X.SnesVideoRam.dmp -> X.SnesCgRam.dmp, X.SnesSpriteRam.dmp; VRAM/CGRAM/OAM in
the name). Without CGRAM the sheet is grayscale.

  --cgram <file>      CGRAM dump (512 bytes)
  --oam <file>        OAM dump (544 bytes)
  --obj-base <addr>   VRAM byte address of OBJ tile 0, or "auto" (default): found from the dump
                      by how well sprite tiles join up, else ${hex(DEFAULT_OBJ_BASE, 4)}
  --name-select <n>   OBSEL name select 0-3 (tiles 256-511 start (n+1) x 0x2000 after the base)
  --size-mode <n>     OBSEL size mode 0-7 (default 0: 8x8 small, 16x16 large)
  -o <sheet.png>      output PNG (RGBA)
  --json              one JSON object: { vram, cgram, oam, objBase, objBaseDetected, drawn,
                      sprites: [ { index, x, y, tile, palette, priority, hflip, vflip, large,
                      visible } x 128 ] }`,
  options: {
    cgram: { type: 'string' },
    oam: { type: 'string' },
    'obj-base': { type: 'string' },
    'name-select': { type: 'string' },
    'size-mode': { type: 'string' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const vram = readInputFile(io.cwd, requirePositional(args, 0, '<vram.dmp>'), 'VRAM dump');
    const out = requireOutput(stringOpt(args, 'output'), io.cwd, 'sheet.png');
    let siblings: ReturnType<typeof findSiblings> = {};
    const dir = dirname(vram.path);
    if (stringOpt(args, 'cgram') === undefined || stringOpt(args, 'oam') === undefined) siblings = findSiblings(basename(vram.path), readdirSync(dir));
    const cgramPath = stringOpt(args, 'cgram') ?? (siblings.cgram ? join(dir, siblings.cgram) : undefined);
    const oamPath = stringOpt(args, 'oam') ?? (siblings.oam ? join(dir, siblings.oam) : undefined);
    if (!oamPath) throw new UsageError(`no OAM dump: pass --oam <file> (none beside ${basename(vram.path)} has SnesSpriteRam or OAM in its name)`);
    const oam = readInputFile(io.cwd, oamPath, 'OAM dump');
    const cgram = cgramPath ? readInputFile(io.cwd, cgramPath, 'CGRAM dump') : null;
    const nameSelect = intOpt(args, 'name-select', 0, 3) ?? 0;
    const entries = parseOam(oam.bytes, { sizeMode: intOpt(args, 'size-mode', 0, 7) ?? 0 });
    const baseText = stringOpt(args, 'obj-base') ?? 'auto';
    let objBase: number;
    let detected = false;
    if (baseText === 'auto') {
      const guess = findObjBase(vram.bytes, entries, { nameSelect });
      objBase = guess.base;
      detected = guess.confident;
    } else {
      objBase = intOpt(args, 'obj-base', 0, 0xffff)!;
    }
    const sheet = renderSpriteScreen(vram.bytes, cgram?.bytes ?? null, entries, { base: objBase, nameSelect });
    writeFileAtomic(out, encode({ width: sheet.width, height: sheet.height, data: sheet.rgba, channels: 4 }));
    const sprites = entries.map(({ index, x, y, tile, palette, priority, hflip, vflip, large, visible }) => ({
      index,
      x,
      y,
      tile,
      palette,
      priority,
      hflip,
      vflip,
      large,
      visible,
    }));
    if (args.values.json) {
      printJson(io, {
        vram: vram.path,
        cgram: cgram?.path ?? null,
        oam: oam.path,
        output: out,
        objBase,
        objBaseDetected: detected,
        drawn: sheet.drawn.length,
        sprites,
      });
      return;
    }
    const how = baseText === 'auto' ? (detected ? 'found from the dump' : 'default: no base stood out') : 'given';
    io.stdout(`${sheet.drawn.length} of 128 sprites on screen, OBJ tiles at ${hex(objBase, 4)} (${how})\n`);
    io.stdout(`CGRAM: ${cgram ? cgram.path : 'none (grayscale)'}\nOAM:   ${oam.path}\n-> ${out} (${sheet.width}x${sheet.height})\n`);
  },
};
