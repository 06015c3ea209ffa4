/** Larger backgrounds: a night sky (2bpp), a landscape (2bpp, 512 tiles), a castle at dusk (4bpp, 256 tiles). */
import { Canvas } from './canvas';
import { palette } from './palette';
import { rng } from './random';
import type { SpriteArt } from './sprite-art';
import { pal4 } from './backgrounds';

const BAYER = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5];

/** Ordered dither between two colours: `t` 0..1 is the share of `b`. */
function dither(x: number, y: number, t: number, a: number, b: number): number {
  return t * 16 > BAYER[(y & 3) * 4 + (x & 3)]! + 0.5 ? b : a;
}

export function nightSky(): SpriteArt {
  const k = new Canvas(64, 64);
  const rand = rng(55);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) k.set(x, y, dither(x, y, y / 80, 0, 1));
  for (let s = 0; s < 40; s++) k.set(rand() * 64, rand() * 64, s % 5 === 0 ? 3 : 2);
  k.disc(46, 16, 8, 3);
  k.disc(50, 13, 7, 0);
  k.eachInEllipse(50, 13, 7, 7, (x, y) => k.set(x, y, dither(x, y, y / 80, 0, 1)));
  return { name: 'Night sky', kind: 'background', bpp: 2, palette: pal4('#0b1030', '#1f2a66', '#8890c8', '#fff6c8'), image: k, mirroredFrames: false };
}

export function landscape(): SpriteArt {
  const k = new Canvas(256, 128);
  const rand = rng(66);
  for (let y = 0; y < 128; y++) for (let x = 0; x < 256; x++) k.set(x, y, dither(x, y, Math.max(0, (y - 10) / 130), 0, 1) === 1 && y > 50 ? 1 : 0);
  // Mountains with snow caps.
  const peaks: Array<[number, number]> = [
    [20, 40],
    [70, 28],
    [120, 46],
    [170, 24],
    [230, 38],
  ];
  for (const [px, py] of peaks) {
    k.poly(
      [
        [px - 50, 100],
        [px, py],
        [px + 50, 100],
      ],
      1,
    );
    k.poly(
      [
        [px - 9, py + 9],
        [px, py],
        [px + 9, py + 9],
        [px + 4, py + 7],
        [px, py + 11],
        [px - 4, py + 7],
      ],
      3,
    );
  }
  // Clouds.
  for (const [cx, cy] of [
    [40, 16],
    [140, 10],
    [210, 18],
  ] as const) {
    for (let p = 0; p < 4; p++) k.disc(cx + p * 6 - 9, cy + (p % 2) * 2, 5 + (p % 2) * 2, 3);
    k.rect(cx - 14, cy + 5, 30, 2, 3);
  }
  // Rolling hills in front, with pine trees.
  for (let x = 0; x < 256; x++) {
    const h = 92 + Math.round(Math.sin(x / 23) * 6 + Math.sin(x / 9) * 2);
    k.rect(x, h, 1, 128 - h, 2);
  }
  for (let t = 0; t < 22; t++) {
    const x = Math.floor(rand() * 256);
    const base = 94 + Math.round(Math.sin(x / 23) * 6 + Math.sin(x / 9) * 2);
    const hgt = 12 + Math.floor(rand() * 10);
    k.poly(
      [
        [x - hgt / 3, base + 2],
        [x, base - hgt],
        [x + hgt / 3, base + 2],
      ],
      2,
    );
  }
  // A path and a sunlit edge.
  for (let y = 104; y < 128; y++) {
    const cx = 128 + Math.sin(y / 6) * 8 + (y - 104) * 1.5;
    k.rect(cx - (y - 100) * 0.8, y, (y - 100) * 1.6, 1, 3);
  }
  return { name: 'Landscape', kind: 'background', bpp: 2, palette: pal4('#9ad4f5', '#5f87b8', '#2f6b3a', '#f4fbff'), image: k, mirroredFrames: false };
}

export function castleDusk(): SpriteArt {
  const P = palette(
    {
      sky: ['#2b1b4d', '#4a2a6e', '#83406f', '#d0616b', '#f7a26a'],
      stone: ['#14102a', '#2b2646', '#4a4470'],
      light: ['#f6c945', '#fff2b0'],
      flag: ['#d63c3c'],
      ground: ['#0b0a18', '#1f3a2a'],
      star: ['#fffbe6'],
    },
    '#1a1238',
  );
  const { c } = P;
  const k = new Canvas(128, 128);
  const rand = rng(77);
  for (let y = 0; y < 128; y++) {
    const t = Math.min(0.999, y / 110) * (c.sky.length - 1);
    const lo = Math.floor(t);
    for (let x = 0; x < 128; x++) k.set(x, y, dither(x, y, t - lo, c.sky[lo]!, c.sky[Math.min(lo + 1, c.sky.length - 1)]!));
  }
  for (let s = 0; s < 25; s++) k.set(rand() * 128, rand() * 45, c.star[0]!);
  k.disc(100, 22, 7, c.light[1]!);
  // Hill, walls, towers with pointed roofs, lit windows.
  k.ellipse(64, 140, 90, 30, c.ground[1]!);
  const towers: Array<[number, number, number]> = [
    [22, 52, 14],
    [50, 36, 16],
    [82, 44, 14],
    [106, 60, 12],
  ];
  k.rect(16, 76, 98, 40, c.stone[1]!);
  for (let x = 16; x < 114; x += 6) k.rect(x, 72, 4, 4, c.stone[1]!);
  for (const [tx, ty, tw] of towers) {
    k.rect(tx, ty, tw, 116 - ty, c.stone[1]!);
    k.rect(tx, ty, 2, 116 - ty, c.stone[2]!);
    k.poly(
      [
        [tx - 2, ty],
        [tx + tw / 2, ty - tw * 1.3],
        [tx + tw + 2, ty],
      ],
      c.stone[0]!,
    );
    k.line(tx + tw / 2, ty - tw * 1.3, tx + tw / 2, ty - tw * 1.3 - 6, c.stone[2]!);
    k.poly(
      [
        [tx + tw / 2 + 1, ty - tw * 1.3 - 6],
        [tx + tw / 2 + 6, ty - tw * 1.3 - 4.5],
        [tx + tw / 2 + 1, ty - tw * 1.3 - 3],
      ],
      c.flag[0]!,
    );
    for (let wy = ty + 8; wy < 100; wy += 14) {
      k.rect(tx + tw / 2 - 1, wy, 3, 5, c.light[0]!);
      k.set(tx + tw / 2, wy + 1, c.light[1]!);
    }
  }
  k.rect(56, 96, 16, 20, c.stone[0]!);
  k.disc(64, 96, 8, c.stone[0]!);
  k.rect(0, 116, 128, 12, c.ground[0]!);
  for (let x = 0; x < 128; x += 2) k.set(x, 116 + ((x * 5) % 3), c.ground[1]!);
  return { name: 'Castle at dusk', kind: 'background', bpp: 4, palette: P.hex, image: k, mirroredFrames: false };
}
