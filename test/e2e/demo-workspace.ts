/** Writing the demo scene's dumps into a test workspace under the names Mesen gives them. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoDumps } from '../../src/core/demo/demo-dumps';

export function writeDemoDumps(dir: string, dumps: DemoDumps): void {
  writeFileSync(join(dir, 'Demo.SnesVideoRam.dmp'), dumps.vram);
  writeFileSync(join(dir, 'Demo.SnesCgRam.dmp'), dumps.cgram);
  writeFileSync(join(dir, 'Demo.SnesSpriteRam.dmp'), dumps.oam);
}
