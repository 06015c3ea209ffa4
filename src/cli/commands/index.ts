/** Every CLI command, in the order `spritepal --help` lists them. Each lives in its own module. */
import type { Command } from '../command';
import { infoCommand } from './info';
import { benchCommand } from './bench';

export const COMMANDS: Command[] = [infoCommand, benchCommand];
