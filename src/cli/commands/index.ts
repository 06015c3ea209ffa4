/**
 * Every CLI command, in the order `spritepal --help` lists them: its name, its one-line summary and
 * how to load it. A command's module is loaded only when that command runs, so `spritepal info`
 * does not pay for the encoders, the scanner or the benchmarks (start-up is most of a short
 * command's time). esbuild.mjs bundles each command module on its own as dist/cli-<module>.js; in
 * the unbundled test build the module is the compiled file beside this one.
 *
 * Adding a command: its module under src/cli/commands/ exporting `<name>Command: Command`, and one
 * entry here.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command';

export interface CommandEntry {
  name: string;
  /** One line for `spritepal --help`. */
  summary: string;
  load(): Command;
}

/** The module `file` of src/cli/commands/: its own bundle beside dist/cli.js, else the compiled file here. */
function requireCommandModule(file: string): unknown {
  const bundled = join(__dirname, `cli-${file}.js`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, on purpose (see above)
  return require(existsSync(bundled) ? bundled : join(__dirname, file));
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'info',
    summary: 'Show what a ROM is: header, mapping (with the evidence), checksum',
    load: () => (requireCommandModule('info') as typeof import('./info')).infoCommand,
  },
  {
    name: 'extract',
    summary: 'Extract graphics at an offset (HAL-decompressed or raw), or every sprite of a ROM, to PNGs',
    load: () => (requireCommandModule('extract') as typeof import('./extract')).extractCommand,
  },
  {
    name: 'inject',
    summary: 'Inject an edited PNG back into a ROM: in place, or relocated with its pointers; checksum fixed, verified',
    load: () => (requireCommandModule('inject') as typeof import('./inject')).injectCommand,
  },
  {
    name: 'palette',
    summary: 'Export one palette of a CGRAM dump (.pal.json, GIMP .gpl or JASC .pal)',
    load: () => (requireCommandModule('palette') as typeof import('./palette')).paletteCommand,
  },
  {
    name: 'vram',
    summary: 'Draw the sprites that were on screen in an emulator dump (VRAM + CGRAM + OAM)',
    load: () => (requireCommandModule('vram') as typeof import('./vram')).vramCommand,
  },
  {
    name: 'decompress',
    summary: 'Decompress HAL streams from a file or ROM: one, several, or every block a scan finds',
    load: () => (requireCommandModule('decompress') as typeof import('./decompress')).decompressCommand,
  },
  {
    name: 'compress',
    summary: 'Compress raw data to a HAL stream (optimal by default; greedy = inhal -2, fast = inhal -1)',
    load: () => (requireCommandModule('compress') as typeof import('./compress')).compressCommand,
  },
  {
    name: 'scan',
    summary: 'Find HAL-compressed graphics anywhere in a ROM (exact block sizes; workers when they pay)',
    load: () => (requireCommandModule('scan') as typeof import('./scan')).scanCommand,
  },
  {
    name: 'patch',
    summary: 'Make an IPS/BPS patch from an original and a modified ROM, or apply one to a ROM',
    load: () => (requireCommandModule('patch') as typeof import('./patch')).patchCommand,
  },
  {
    name: 'demo',
    summary: 'Write the demo ROM (original sprites drawn by code, no game data)',
    load: () => (requireCommandModule('demo') as typeof import('./demo')).demoCommand,
  },
  {
    name: 'bench',
    summary: 'Run the benchmarks (every speed and size target of the project)',
    load: () => (requireCommandModule('bench') as typeof import('./bench')).benchCommand,
  },
];
