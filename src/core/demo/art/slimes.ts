/** Slimes: a small green one bouncing (16x16) and a crowned king slime (32x32). */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';
import type { Canvas } from './canvas';

const SQUASH: ReadonlyArray<readonly [number, number]> = [
  [6.5, 5],
  [7.5, 4],
  [5.5, 6.5],
  [6.2, 5.4],
];

function face(k: Canvas, cx: number, cy: number, s: number, eye: number, white: number, cheek: number): void {
  for (const ex of [cx - 2.5 * s, cx + 1.5 * s]) {
    k.rect(ex, cy - s, s, 2 * s, eye);
    if (s > 1) k.rect(ex, cy - s, s / 2, s / 2, white);
    k.rect(ex - s, cy + s, s, Math.max(1, s / 2), cheek);
  }
}

export function slimeBounce(): SpriteArt {
  const P = palette({ o: ['#0f2a1a'], g: ['#1f7a3a', '#37b24d', '#7be07b', '#d8ffd0'], eye: ['#1b1424'], white: ['#ffffff'], cheek: ['#ff8fa3'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const [rx, ry] = SQUASH[i]!;
      const cy = 15.5 - ry;
      k.shaded(8, cy, rx, ry, c.g);
      k.rect(Math.ceil(8 - rx + 1), 15, Math.floor(2 * rx - 2), 1, c.g[0]!);
      face(k, 8, cy + 0.5, 1, c.eye[0]!, c.white[0]!, c.cheek[0]!);
      k.set(8 - rx + 2, cy - ry + 2, c.white[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Slime bounce', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function kingSlime(): SpriteArt {
  const P = palette({
    o: ['#101a3a'],
    b: ['#2440a8', '#3f6fe6', '#7fb0ff', '#dcebff'],
    eye: ['#1b1424'],
    white: ['#ffffff'],
    cheek: ['#ff8fa3'],
    gold: ['#a86a12', '#f0b429', '#ffe58a'],
    gem: ['#b0163c', '#ff4f79'],
  });
  const { c } = P;
  const image = frames(
    32,
    32,
    4,
    (k, i) => {
      const [rx0, ry0] = SQUASH[i]!;
      const rx = rx0 * 2;
      const ry = ry0 * 2 - 1;
      const cy = 31.5 - ry;
      k.shaded(16, cy, rx, ry, c.b);
      k.rect(Math.ceil(16 - rx + 2), 30, Math.floor(2 * rx - 4), 2, c.b[0]!);
      face(k, 16.5, cy + 1, 2, c.eye[0]!, c.white[0]!, c.cheek[0]!);
      k.rect(14, cy + 5, 4, 1, c.eye[0]!);
      k.rect(16 - rx + 4, cy - ry + 4, 2, 2, c.white[0]!);
      // Crown sitting on top.
      const top = Math.round(cy - ry) - 6;
      k.poly(
        [
          [9, top + 8],
          [9, top],
          [12.5, top + 4],
          [16, top - 1],
          [19.5, top + 4],
          [23, top],
          [23, top + 8],
        ],
        c.gold[1]!,
      );
      k.rect(9, top + 6, 14, 2, c.gold[0]!);
      k.rect(10, top + 2, 1, 4, c.gold[2]!);
      k.rect(15, top + 3, 2, 2, c.gem[1]!);
      k.set(15, top + 3, c.white[0]!);
      k.set(16, top + 4, c.gem[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'King slime', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
