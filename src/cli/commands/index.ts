/** Every CLI command, in the order `spritepal --help` lists them. Each lives in its own module. */
import type { Command } from '../command';
import { infoCommand } from './info';
import { benchCommand } from './bench';
import { demoCommand } from './demo';
import { extractCommand } from './extract';
import { paletteCommand } from './palette';
import { vramCommand } from './vram';
import { compressCommand } from './compress';
import { decompressCommand } from './decompress';
import { injectCommand } from './inject';
import { scanCommand } from './scan';
import { patchCommand } from './patch';

export const COMMANDS: Command[] = [infoCommand, extractCommand, injectCommand, paletteCommand, vramCommand, decompressCommand, compressCommand, scanCommand, patchCommand, demoCommand, benchCommand];
