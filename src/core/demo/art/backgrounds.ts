/** 2bpp background tiles: brick wall, grass ground, animated water, clouds, castle stone, wood planks. */
import { Canvas } from './canvas';
import { rng } from './random';
import type { SpriteArt } from './sprite-art';

/** A 2bpp palette: four colours, the rest of the 16 black. */
export function pal4(...hex: [string, string, string, string]): string[] {
  return [...hex, ...Array<string>(12).fill('#000000')];
}

function bg(name: string, image: Canvas, palette: string[], bpp: 2 | 4 = 2): SpriteArt {
  return { name, kind: 'background', bpp, palette, image, mirroredFrames: false };
}

export function brickWall(): SpriteArt {
  const k = new Canvas(64, 32);
  const rand = rng(11);
  for (let row = 0; row < 4; row++) {
    const off = row % 2 ? 8 : 0;
    for (let col = -1; col < 4; col++) {
      const x = col * 16 + off;
      k.rect(x + 1, row * 8 + 1, 15, 7, 2);
      k.rect(x + 1, row * 8 + 1, 15, 1, 3);
      k.rect(x + 1, row * 8 + 1, 1, 6, 3);
      k.rect(x + 2, row * 8 + 7, 14, 1, 1);
      k.rect(x + 15, row * 8 + 2, 1, 6, 1);
      for (let s = 0; s < 3; s++) k.set(x + 3 + rand() * 11, row * 8 + 3 + rand() * 3, 1);
    }
  }
  return bg('Brick wall', k, pal4('#2a1512', '#7a3324', '#b4533a', '#e39066'));
}

export function grassGround(): SpriteArt {
  const k = new Canvas(64, 32);
  const rand = rng(22);
  k.rect(0, 0, 64, 32, 1);
  for (let x = 0; x < 64; x++) {
    const top = 2 + Math.round(Math.sin(x * 0.7) + rand());
    const depth = 7 + Math.round(Math.sin(x * 0.45) * 1.5 + rand());
    k.rect(x, top, 1, depth - top, 2);
    if (x % 3 === 0) k.rect(x, top - 2, 1, 2, 2);
    if ((x * 7) % 5 === 0) k.set(x, top, 3);
    k.set(x, depth, 0);
  }
  for (let s = 0; s < 26; s++) {
    const x = rand() * 62;
    const y = 11 + rand() * 19;
    k.rect(x, y, 2, 1, 0);
    if (s % 3 === 0) k.set(x, y - 1, 3);
  }
  return bg('Grass ground', k, pal4('#4a2e1a', '#8a5a32', '#3f9b3a', '#a6e36a'));
}

export function waterAnim(): SpriteArt {
  const k = new Canvas(128, 16);
  for (let f = 0; f < 4; f++)
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 32; x++) {
        const ph = (f * Math.PI) / 2;
        const w = Math.sin((x / 32) * Math.PI * 2 * 2 + ph + y * 0.5) + Math.sin((x / 32) * Math.PI * 2 - ph * 1 + y * 1.3) * 0.6;
        const c = w > 1.2 ? 3 : w > 0.5 ? 2 : y < 3 && w > -0.3 ? 2 : w < -1.1 ? 0 : 1;
        k.set(f * 32 + x, y, c);
      }
  return bg('Water (4 frames)', k, pal4('#143a7a', '#2563eb', '#60a5fa', '#e0f2fe'));
}

export function clouds(): SpriteArt {
  const k = new Canvas(64, 32);
  const puffs: Array<[number, number, number]> = [
    [10, 20, 7],
    [20, 15, 9],
    [32, 17, 8],
    [42, 20, 6],
    [52, 21, 5],
  ];
  for (const [x, y, r] of puffs) k.disc(x + 1, y + 2, r, 1);
  for (const [x, y, r] of puffs) k.disc(x, y, r, 3);
  for (const [x, y, r] of puffs)
    k.eachInEllipse(x, y, r, r, (px, py, nx, ny) => {
      if (nx + ny > 0.6) k.set(px, py, 2);
    });
  k.rect(3, 26, 56, 2, 0);
  return bg('Clouds', k, pal4('#7ec8f8', '#8fb4d8', '#cfe3f5', '#ffffff'));
}

export function castleStone(): SpriteArt {
  const k = new Canvas(64, 32);
  const rand = rng(33);
  for (let by = 0; by < 2; by++)
    for (let bx = -1; bx < 4; bx++) {
      const x = bx * 16 + (by % 2 ? 8 : 0);
      const y = by * 16;
      k.rect(x + 1, y + 1, 15, 15, 2);
      k.rect(x + 1, y + 1, 15, 1, 3);
      k.rect(x + 1, y + 1, 1, 15, 3);
      k.rect(x + 1, y + 15, 15, 1, 1);
      k.rect(x + 15, y + 1, 1, 15, 1);
      for (let s = 0; s < 5; s++) {
        const px = x + 3 + rand() * 11;
        const py = y + 3 + rand() * 11;
        k.set(px, py, 1);
        k.set(px + 1, py, s % 2 ? 3 : 1);
      }
    }
  return bg('Castle stone', k, pal4('#1f1f2b', '#4b4b60', '#7d7d96', '#b9b9cf'));
}

export function woodPlanks(): SpriteArt {
  const k = new Canvas(64, 32);
  const rand = rng(44);
  for (let row = 0; row < 4; row++) {
    const y = row * 8;
    k.rect(0, y, 64, 8, 2);
    k.rect(0, y, 64, 1, 3);
    k.rect(0, y + 7, 64, 1, 0);
    for (let g = 0; g < 4; g++) {
      const gy = y + 2 + Math.floor(rand() * 4);
      const gx = Math.floor(rand() * 50);
      k.rect(gx, gy, 6 + Math.floor(rand() * 10), 1, 1);
    }
    const seam = ((row * 23) % 48) + 8;
    k.rect(seam, y + 1, 1, 6, 0);
    k.set(seam + 2, y + 3, 0);
    k.set(seam - 3, y + 4, 0);
  }
  return bg('Wood planks', k, pal4('#3b2412', '#7a4b26', '#a8703d', '#d9a066'));
}
