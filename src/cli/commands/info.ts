import { basename } from 'node:path';
import { Rom, type RomInfo } from '../../core/rom';
import { hex } from '../../core/format';
import { printJson, requirePositional, type Command } from '../command';
import { readInputFile } from '../files';

export const infoCommand: Command = {
  name: 'info',
  help: `spritepal info <rom> [--json]

Reads the ROM's internal header (found by scoring every candidate location) and prints its
title, mapping, sizes, region, version and checksum state.

  --json   one JSON object: file, fileSize, copierHeader, romSize, mapping, headerOffset,
           title, mapMode, chipset, romSizeCode, ramSizeCode, region, regionName, version,
           checksum { stored, complement, computed, valid }, evidence`,
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<rom>'), 'ROM');
    // The ROM alone, not a RomSession: info needs no cache, workers or metrics (start-up is its cost).
    const rom = new Rom(file.bytes, basename(file.path));
    const info = rom.info();
    if (args.values.json) {
      printJson(io, { file: file.path, ...info });
      return;
    }
    io.stdout(formatInfo(file.path, rom, info));
  },
};

function formatInfo(path: string, rom: Rom, info: RomInfo): string {
  const lines: string[] = [];
  const row = (k: string, v: string) => lines.push(`${k.padEnd(14)} ${v}`);
  row('File', path);
  row('Size', `${info.fileSize} bytes${info.copierHeader ? ' (${rom.copierHeaderSize}-byte copier header)' : ''}`);
  row('Mapping', info.mapping);
  if (info.headerOffset !== null) {
    row('Header', `${hex(rom.fileOffsetOf(info.headerOffset))} (ROM offset ${hex(info.headerOffset)})`);
    row('Title', `"${info.title}"`);
    row('Map mode', `${hex(info.mapMode!, 2)} ${info.mapModeName}`);
    row('Chipset', `${hex(info.chipset!, 2)} ${info.chipsetName}`);
    row('ROM size', `${hex(info.romSizeCode!, 2)} (${2 ** info.romSizeCode!} KiB declared, ${info.romSize} bytes present)`);
    row('RAM size', info.ramSizeCode ? `${hex(info.ramSizeCode, 2)} (${2 ** info.ramSizeCode} KiB)` : 'none');
    row('Region', `${info.region} ${info.regionName}`);
    row('Version', `1.${info.version}`);
    const c = info.checksum!;
    row('Checksum', `${hex(c.stored, 4)} / complement ${hex(c.complement, 4)}: ${c.valid ? 'valid' : `INVALID (should be ${hex(c.computed, 4)})`}`);
  }
  lines.push('Evidence:');
  for (const e of info.evidence) lines.push(`  - ${e}`);
  return lines.join('\n') + '\n';
}
