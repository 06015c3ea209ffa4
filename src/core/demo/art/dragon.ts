/** The boss: a green dragon, 64x64, two wing-beat frames (128 tiles). */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';
import type { Point } from './canvas';

export function dragonBoss(): SpriteArt {
  const P = palette({
    o: ['#0b1f14'],
    g: ['#14532d', '#15803d', '#22c55e', '#86efac'],
    belly: ['#ca8a04', '#fde047'],
    wing: ['#7f1d1d', '#b91c1c', '#ef4444'],
    horn: ['#e7e5e4'],
    eye: ['#fef08a'],
    dark: ['#1c1917'],
    fire: ['#fb923c'],
  });
  const { c } = P;
  const image = frames(
    64,
    64,
    2,
    (k, i) => {
      const up = i === 0;
      // Far wing.
      const wing: Point[] = up
        ? [
            [24, 26],
            [30, 2],
            [38, 0],
            [34, 10],
            [44, 8],
            [38, 18],
            [46, 20],
            [34, 30],
          ]
        : [
            [24, 28],
            [10, 40],
            [8, 50],
            [18, 44],
            [18, 54],
            [26, 44],
            [30, 52],
            [34, 32],
          ];
      k.poly(wing, c.wing[1]!);
      k.line(24, up ? 26 : 28, up ? 38 : 8, up ? 0 : 50, c.wing[0]!);
      k.line(24, up ? 26 : 28, up ? 44 : 18, up ? 8 : 54, c.wing[2]!);
      // Tail curling back.
      k.poly(
        [
          [14, 44],
          [2, 40],
          [0, 30],
          [4, 36],
          [8, 38],
          [18, 38],
        ],
        c.g[1]!,
      );
      k.poly(
        [
          [0, 30],
          [3, 26],
          [4, 32],
        ],
        c.wing[2]!,
      );
      // Legs, body, belly.
      k.rect(18, 50, 7, 12, c.g[0]!);
      k.rect(34, 50, 7, 12, c.g[1]!);
      k.rect(16, 60, 10, 4, c.g[0]!);
      k.rect(32, 60, 11, 4, c.g[1]!);
      for (const x of [26, 43]) k.set(x, 63, c.horn[0]!);
      k.shaded(30, 42, 15, 12, c.g);
      k.ellipse(34, 45, 8, 9, c.belly[0]!);
      k.ellipse(34, 45, 7, 8, c.belly[1]!);
      for (let y = 38; y < 54; y += 3) k.line(28, y, 40, y, c.belly[0]!);
      // Neck and head.
      k.poly(
        [
          [36, 36],
          [44, 20],
          [52, 22],
          [46, 40],
        ],
        c.g[2]!,
      );
      k.shaded(50, 18, 9, 7, c.g);
      k.shaded(58, 21, 5.5, 4, c.g);
      k.rect(55, 23, 8, 1, c.dark[0]!);
      k.rect(58, 24, 1, 1, c.horn[0]!);
      k.rect(61, 24, 1, 1, c.horn[0]!);
      k.set(62, 19, c.dark[0]!);
      k.poly(
        [
          [44, 12],
          [40, 3],
          [47, 10],
        ],
        c.horn[0]!,
      );
      k.poly(
        [
          [48, 11],
          [47, 1],
          [51, 10],
        ],
        c.horn[0]!,
      );
      k.rect(51, 15, 3, 3, c.eye[0]!);
      k.rect(53, 15, 1, 3, c.dark[0]!);
      k.rect(50, 14, 5, 1, c.g[0]!);
      // Spines along the back.
      for (let s = 0; s < 4; s++)
        k.poly(
          [
            [20 + s * 5, 32 - s],
            [22 + s * 5, 26 - s * 2],
            [25 + s * 5, 31 - s],
          ],
          c.wing[2]!,
        );
      // Near wing.
      const near: Point[] = up
        ? [
            [30, 34],
            [40, 6],
            [50, 4],
            [46, 14],
            [56, 14],
            [48, 24],
            [54, 28],
            [40, 36],
          ]
        : [
            [30, 36],
            [16, 48],
            [14, 58],
            [24, 52],
            [26, 62],
            [32, 52],
            [38, 58],
            [40, 38],
          ];
      k.poly(near, c.wing[2]!);
      k.line(near[0]![0], near[0]![1], near[2]![0], near[2]![1], c.wing[0]!);
      k.line(near[0]![0], near[0]![1], near[4]![0], near[4]![1], c.wing[1]!);
      if (!up) k.set(63, 22, c.fire[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Dragon boss', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
