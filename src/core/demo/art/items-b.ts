/** Items, part two: weapons, shields, food, treasures. */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';
import type { Canvas } from './canvas';

type Draw = (k: Canvas) => void;

function sheet(name: string, hex: string[], outline: number, draws: Draw[]): SpriteArt {
  const image = frames(16, 16, draws.length, (k, i) => draws[i]!(k), { outline });
  return { name, kind: 'item', bpp: 4, palette: hex, image, mirroredFrames: false };
}

export function weapons(): SpriteArt {
  const P = palette({
    o: ['#15131c'],
    steel: ['#5b6678', '#9aa7ba', '#e6edf6'],
    wood: ['#6b3f1f', '#a8683a'],
    gold: ['#b7791f', '#f6c945'],
    red: ['#c53030'],
    string: ['#f5f0e1'],
  });
  const { c } = P;
  const blade = (k: Canvas, x0: number, y0: number, x1: number, y1: number) => {
    k.line(x0, y0, x1, y1, c.steel[1]!);
    k.line(x0 + 1, y0, x1 + 1, y1, c.steel[2]!);
    k.line(x0, y0 + 1, x1, y1 + 1, c.steel[0]!);
  };
  return sheet('Weapons', P.hex, c.o[0]!, [
    (k) => {
      blade(k, 5, 10, 13, 2);
      k.line(2, 9, 6, 13, c.gold[1]!);
      k.line(3, 9, 7, 13, c.gold[0]!);
      k.line(2, 13, 4, 11, c.wood[1]!);
      k.set(1, 14, c.gold[1]!);
    },
    (k) => {
      k.line(3, 14, 11, 3, c.wood[1]!);
      k.line(4, 14, 12, 3, c.wood[0]!);
      k.poly(
        [
          [9, 2],
          [14, 1],
          [15, 7],
          [11, 8],
        ],
        c.steel[1]!,
      );
      k.line(14, 1, 15, 7, c.steel[2]!);
      k.poly(
        [
          [9, 4],
          [11, 6],
          [10, 7],
          [8, 5],
        ],
        c.steel[0]!,
      );
    },
    (k) => {
      for (let a = -1.2; a <= 1.2; a += 0.05) k.set(4 + Math.cos(a) * 9, 8 + Math.sin(a) * 7, c.wood[1]!);
      for (let a = -1.1; a <= 1.1; a += 0.05) k.set(5 + Math.cos(a) * 7.2, 8 + Math.sin(a) * 6, c.wood[0]!);
      k.line(7, 1, 7, 15, c.string[0]!);
      k.line(2, 8, 14, 8, c.wood[1]!);
      k.poly(
        [
          [13, 6],
          [16, 8],
          [13, 10],
        ],
        c.steel[2]!,
      );
      k.rect(1, 7, 2, 3, c.red[0]!);
    },
    (k) => {
      k.line(2, 14, 11, 5, c.wood[1]!);
      k.line(3, 14, 12, 5, c.wood[0]!);
      k.poly(
        [
          [10, 4],
          [15, 1],
          [12, 6],
        ],
        c.steel[2]!,
      );
      k.poly(
        [
          [11, 6],
          [15, 1],
          [13, 7],
        ],
        c.steel[1]!,
      );
      k.rect(9, 6, 2, 2, c.gold[1]!);
    },
  ]);
}

export function shields(): SpriteArt {
  const P = palette({
    o: ['#14121c'],
    wood: ['#7a4a25', '#b27240'],
    steel: ['#64748b', '#a8b5c6', '#eef2f7'],
    blue: ['#1e3a8a', '#3b82f6'],
    red: ['#9b1c1c', '#e53e3e'],
    gold: ['#b7791f', '#f6c945'],
  });
  const { c } = P;
  return sheet('Shields', P.hex, c.o[0]!, [
    (k) => {
      k.disc(8, 8, 7, c.steel[0]!);
      k.disc(8, 8, 6, c.wood[1]!);
      for (const x of [5, 8, 11]) k.rect(x, 2, 1, 12, c.wood[0]!);
      k.shaded(8, 8, 2, 2, c.steel);
      k.paint(3, 5, c.wood[1]!);
    },
    (k) => {
      k.poly(
        [
          [2, 1],
          [14, 1],
          [14, 7],
          [8, 15],
          [2, 7],
        ],
        c.steel[1]!,
      );
      k.poly(
        [
          [3, 2],
          [13, 2],
          [13, 7],
          [8, 13.5],
          [3, 7],
        ],
        c.blue[1]!,
      );
      k.rect(7, 2, 2, 11, c.gold[1]!);
      k.rect(3, 5, 10, 2, c.gold[1]!);
      k.rect(9, 7, 1, 5, c.gold[0]!);
      k.set(4, 3, c.steel[2]!);
    },
    (k) => {
      k.poly(
        [
          [1, 2],
          [15, 2],
          [15, 6],
          [8, 15],
          [1, 6],
        ],
        c.gold[1]!,
      );
      k.poly(
        [
          [2, 3],
          [14, 3],
          [14, 6],
          [8, 13.5],
          [2, 6],
        ],
        c.red[1]!,
      );
      k.poly(
        [
          [8, 3],
          [14, 3],
          [14, 6],
          [8, 13.5],
        ],
        c.red[0]!,
      );
      k.disc(8, 7, 2, c.gold[1]!);
      k.set(7, 6, c.steel[2]!);
    },
    (k) => {
      k.shaded(8, 8, 6.5, 6.5, c.steel);
      k.ring(8, 8, 6.5, 1, c.steel[0]!);
      k.disc(8, 8, 1.5, c.gold[1]!);
      for (const [x, y] of [
        [8, 3],
        [3, 8],
        [13, 8],
        [8, 13],
      ] as const)
        k.set(x, y, c.gold[0]!);
    },
  ]);
}

export function food(): SpriteArt {
  const P = palette({
    o: ['#1e1010'],
    red: ['#991b1b', '#dc2626', '#fca5a5'],
    green: ['#166534', '#4ade80'],
    bread: ['#92400e', '#d97706', '#fcd34d'],
    meat: ['#7c2d12', '#c2410c'],
    bone: ['#e7e5e4', '#ffffff'],
  });
  const { c } = P;
  return sheet('Food', P.hex, c.o[0]!, [
    (k) => {
      k.shaded(8, 9.5, 6, 5.5, c.red);
      k.rect(8, 3, 1, 3, c.bread[0]!);
      k.ellipse(11, 3.5, 2.5, 1.2, c.green[1]!);
      k.set(10, 3, c.green[0]!);
    },
    (k) => {
      k.line(5, 10, 9, 2, c.green[0]!);
      k.line(11, 11, 9, 2, c.green[0]!);
      k.ellipse(11, 2.5, 2.5, 1, c.green[1]!);
      k.shaded(4.5, 11.5, 3.3, 3.3, c.red);
      k.shaded(11, 12, 3.3, 3.3, c.red);
    },
    (k) => {
      k.shaded(8, 9, 7, 5, c.bread);
      k.rect(1, 10, 14, 4, c.bread[1]!);
      k.rect(1, 13, 14, 1, c.bread[0]!);
      for (const x of [4, 8, 12]) k.line(x, 6, x - 1, 9, c.bread[0]!);
    },
    (k) => {
      k.rect(10, 10, 4, 2, c.bone[0]!);
      k.disc(14, 10, 1.4, c.bone[1]!);
      k.disc(14, 12.5, 1.4, c.bone[1]!);
      k.shaded(6.5, 7.5, 5.5, 5, [c.meat[0]!, c.meat[1]!, c.red[1]!, c.red[2]!]);
      k.set(4, 8, c.meat[0]!);
      k.set(7, 10, c.meat[0]!);
    },
  ]);
}

export function treasures(): SpriteArt {
  const P = palette({
    o: ['#1a1408'],
    gold: ['#92600e', '#e0a526', '#fde68a'],
    gem: ['#be123c', '#fb7185'],
    blue: ['#2563eb', '#93c5fd'],
    paper: ['#d6c3a0', '#fbf3df'],
    ribbon: ['#b91c1c'],
    white: ['#ffffff'],
  });
  const { c } = P;
  return sheet('Treasures', P.hex, c.o[0]!, [
    (k) => {
      k.poly(
        [
          [1, 13],
          [1, 4],
          [4.5, 8],
          [8, 2],
          [11.5, 8],
          [15, 4],
          [15, 13],
        ],
        c.gold[1]!,
      );
      k.rect(1, 11, 14, 3, c.gold[0]!);
      k.rect(2, 5, 1, 6, c.gold[2]!);
      k.rect(7, 11, 2, 2, c.gem[1]!);
      k.rect(3, 11, 2, 2, c.blue[0]!);
      k.rect(11, 11, 2, 2, c.blue[0]!);
      k.set(8, 2, c.white[0]!);
    },
    (k) => {
      k.ring(8, 10, 5, 1.6, c.gold[1]!);
      k.ring(8, 10, 5, 0.7, c.gold[0]!);
      k.shaded(8, 4.5, 2.6, 2.6, [c.blue[0]!, c.blue[1]!, c.white[0]!]);
    },
    (k) => {
      k.line(3, 1, 8, 8, c.gold[0]!);
      k.line(13, 1, 8, 8, c.gold[0]!);
      k.shaded(8, 10.5, 4, 4.5, c.gold);
      k.shaded(8, 10.5, 2.2, 2.5, c.gem);
      k.set(7, 9, c.white[0]!);
    },
    (k) => {
      k.rect(3, 3, 10, 10, c.paper[1]!);
      k.rect(3, 3, 1, 10, c.paper[0]!);
      k.ellipse(3, 8, 1.5, 5.5, c.paper[0]!);
      k.ellipse(13, 8, 1.5, 5.5, c.paper[0]!);
      for (const y of [5, 7, 9]) k.rect(5, y, 6, 1, c.gold[0]!);
      k.rect(6, 11, 4, 1, c.gold[0]!);
      k.rect(7, 12, 2, 3, c.ribbon[0]!);
    },
  ]);
}

export function chest(): SpriteArt {
  const P = palette({
    o: ['#1c0f06'],
    wood: ['#5b3216', '#8b5a2b', '#b7844f'],
    band: ['#6b7280', '#c0c7d2'],
    gold: ['#b7791f', '#f6c945', '#fff7cc'],
    dark: ['#24120a'],
    gem: ['#e11d48'],
  });
  const { c } = P;
  const image = frames(
    32,
    32,
    2,
    (k, i) => {
      k.rect(3, 16, 26, 14, c.wood[1]!);
      for (const y of [20, 25]) k.rect(3, y, 26, 1, c.wood[0]!);
      k.rect(3, 16, 26, 1, c.wood[2]!);
      k.rect(3, 16, 2, 14, c.band[1]!);
      k.rect(27, 16, 2, 14, c.band[0]!);
      if (i === 0) {
        k.ellipse(16, 16, 13, 8, c.wood[1]!);
        k.rect(0, 16, 32, 1, 0);
        k.rect(3, 15, 26, 2, c.wood[0]!);
        k.ellipse(12, 11, 6, 2, c.wood[2]!);
        k.rect(3, 8, 2, 8, c.band[1]!);
        k.rect(27, 8, 2, 8, c.band[0]!);
        k.rect(13, 13, 6, 7, c.gold[1]!);
        k.rect(15, 16, 2, 2, c.dark[0]!);
        k.set(13, 13, c.gold[2]!);
      } else {
        k.rect(4, 13, 24, 4, c.dark[0]!);
        k.shaded(10, 13, 4, 3, c.gold);
        k.shaded(17, 12, 4, 3, c.gold);
        k.shaded(23, 13.5, 3.5, 2.5, c.gold);
        k.rect(14, 9, 3, 3, c.gem[0]!);
        k.poly(
          [
            [3, 14],
            [29, 14],
            [31, 2],
            [1, 2],
          ],
          c.wood[1]!,
        );
        k.rect(1, 2, 30, 2, c.wood[0]!);
        k.rect(5, 4, 22, 9, c.dark[0]!);
        k.rect(4, 3, 2, 11, c.band[1]!);
        k.rect(26, 3, 2, 11, c.band[0]!);
        k.rect(13, 17, 6, 3, c.gold[1]!);
      }
    },
    { outline: c.o[0] },
  );
  return { name: 'Treasure chest', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function bombFuse(): SpriteArt {
  const P = palette({
    o: ['#0b0b12'],
    body: ['#1f2937', '#374151', '#6b7280', '#d1d5db'],
    fuse: ['#a16207'],
    spark: ['#dc2626', '#f97316', '#fde047', '#ffffff'],
  });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      k.shaded(7, 9.5, 5.5, 5.5, c.body);
      k.rect(9, 3, 3, 2, c.body[1]!);
      k.line(11, 3, 13, 1, c.fuse[0]!);
      const sx = 13;
      const sy = 1;
      const r = [1, 2, 1.5, 2.5][i]!;
      for (let a = 0; a < 8; a++) {
        const ang = (a * Math.PI) / 4 + i * 0.4;
        k.set(sx + Math.cos(ang) * r, sy + Math.sin(ang) * r + 1, c.spark[a % 2 === 0 ? 1 : 2]!);
      }
      k.set(sx, sy + 1, c.spark[3]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Bomb', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
