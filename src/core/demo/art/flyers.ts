/** Things that fly or swim: a red bird and a fish (with mirrored frames), a bat. */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';
import type { Point } from './canvas';

export function birdFly(): SpriteArt {
  const P = palette({
    o: ['#2a1010'],
    red: ['#9e1b1b', '#e53935', '#ff8a65'],
    belly: ['#ffd9b0'],
    beak: ['#d98a00', '#ffc62b'],
    eye: ['#1b1424'],
    white: ['#ffffff'],
    wing: ['#7a1020', '#c62838'],
  });
  const { c } = P;
  const WINGS: Point[][] = [
    [
      [4, 8],
      [10, 8],
      [3, 1],
    ],
    [
      [3, 9],
      [10, 9],
      [1, 6],
    ],
    [
      [4, 9],
      [10, 9],
      [5, 15],
    ],
    [
      [3, 9],
      [10, 9],
      [1, 11],
    ],
  ];
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const b = [0, 0, 1, 1][i]!;
      k.poly(
        [
          [3, 8 + b],
          [0, 6 + b],
          [0, 11 + b],
        ],
        c.red[0]!,
      );
      k.shaded(7, 9.5 + b, 5, 4, c.red);
      k.ellipse(8, 11 + b, 3, 1.8, c.belly[0]!);
      k.shaded(11, 6.5 + b, 3.4, 3.4, c.red);
      k.poly(
        [
          [13.5, 5.5 + b],
          [16, 7 + b],
          [13.5, 8.5 + b],
        ],
        c.beak[1]!,
      );
      k.set(14, 8 + b, c.beak[0]!);
      k.set(12, 5 + b, c.eye[0]!);
      k.set(11, 5 + b, c.white[0]!);
      const w = WINGS[i]!.map(([x, y]) => [x, y + b] as Point);
      k.poly(w, c.wing[1]!);
      k.line(w[0]![0], w[0]![1], w[2]![0], w[2]![1], c.wing[0]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Bird fly', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function batFlap(): SpriteArt {
  const P = palette({ o: ['#140a1e'], fur: ['#3b2a5c', '#5e4591', '#8d74c9'], wing: ['#2a1d44', '#4a3575'], eye: ['#ff3b3b'], fang: ['#ffffff'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const up = [-4, -1, 3, -1][i]!;
      for (const s of [-1, 1]) {
        const tip = 8 + s * 7.5;
        const pts: Point[] = [
          [8 + s * 2, 7],
          [tip, 7 + up],
          [8 + s * 6, 10 + up / 2],
          [8 + s * 4.5, 9 + up / 3],
          [8 + s * 3, 10],
        ];
        k.poly(pts, c.wing[1]!);
        k.line(8 + s * 2, 7, tip, 7 + up, c.wing[0]!);
      }
      k.shaded(8, 8.5, 3.2, 3.6, c.fur);
      k.poly(
        [
          [5.5, 6],
          [6, 2.5],
          [7.5, 5],
        ],
        c.fur[1]!,
      );
      k.poly(
        [
          [10.5, 6],
          [10, 2.5],
          [8.5, 5],
        ],
        c.fur[1]!,
      );
      k.set(7, 7, c.eye[0]!);
      k.set(9, 7, c.eye[0]!);
      k.set(7, 10, c.fang[0]!);
      k.set(9, 10, c.fang[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Bat flap', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function fishSwim(): SpriteArt {
  const P = palette({
    o: ['#0d2233'],
    body: ['#c2410c', '#f97316', '#fdba74'],
    stripe: ['#fff7ed'],
    fin: ['#9a3412', '#ea580c'],
    eye: ['#1b1424'],
    white: ['#ffffff'],
    bubble: ['#7dd3fc'],
  });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const wag = [0, 1, 0, -1][i]!;
      k.poly(
        [
          [4, 8],
          [0, 4 + wag],
          [1, 8],
          [0, 12 + wag],
        ],
        c.fin[1]!,
      );
      k.shaded(8.5, 8, 5.5, 4, c.body);
      k.poly(
        [
          [6, 4.5],
          [9, 2],
          [11, 4.5],
        ],
        c.fin[1]!,
      );
      k.rect(6, 5, 1, 7, c.stripe[0]!);
      k.rect(9, 4, 1, 8, c.stripe[0]!);
      k.paint(6, 11, c.body[0]!);
      k.set(12, 7, c.eye[0]!);
      k.set(12, 6, c.white[0]!);
      k.set(14, 9, c.fin[0]!);
      k.poly(
        [
          [7, 9],
          [9, 10],
          [7, 11],
        ],
        c.fin[0]!,
      );
      if (i % 2 === 0) k.set(15, 3 - i / 2, c.bubble[0]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Fish swim', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}
