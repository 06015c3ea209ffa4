/**
 * The demo ROM and the memory dumps of a scene made from its sprites, as files: the dumps under
 * the names Mesen gives them beside a ROM (`<stem>.SnesVideoRam.dmp`, ...), so the dump viewer
 * finds the three together and a new user has a dump to try Find in ROM with on the demo ROM.
 * What `spritepal demo --dumps` and "SpritePal: Open Demo ROM" write (the bundle dist/demo-rom.js).
 */
import { buildDemoDumps } from './demo-dumps';

export { buildDemoRom } from './demo-rom';

/** The demo scene's dumps named for the ROM `romName` (VRAM first: the file the dump viewer opens). */
export function demoDumpFiles(romName: string): { name: string; bytes: Uint8Array }[] {
  const stem = romName.replace(/\.[^.]*$/, '') || romName;
  const dumps = buildDemoDumps();
  return [
    { name: `${stem}.SnesVideoRam.dmp`, bytes: dumps.vram },
    { name: `${stem}.SnesCgRam.dmp`, bytes: dumps.cgram },
    { name: `${stem}.SnesSpriteRam.dmp`, bytes: dumps.oam },
  ];
}
