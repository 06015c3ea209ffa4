/** Items, part one: a spinning coin, hearts, keys, potions, gems (16x16 cells). */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';
import type { Canvas, Point } from './canvas';

export function coinSpin(): SpriteArt {
  const P = palette({ o: ['#3b2406'], gold: ['#a16207', '#eab308', '#fde047', '#fffbeb'], edge: ['#854d0e'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    8,
    (k, i) => {
      const rx = Math.abs(Math.cos((i * Math.PI) / 8)) * 6;
      if (rx < 1.2) {
        k.rect(7, 2, 2, 12, c.gold[1]!);
        k.rect(7, 2, 1, 12, c.gold[3]!);
        return;
      }
      k.ellipse(8 + (i > 4 ? -0.5 : i > 0 && i < 4 ? 0.5 : 0), 8, rx, 6, c.edge[0]!);
      k.shaded(8, 8, rx, 6, c.gold);
      if (rx > 3) {
        k.ellipse(8, 8, rx - 2, 4, c.gold[1]!);
        k.rect(8 - 0.5, 5, 1, 6, c.gold[3]!);
        k.rect(8 + 0.5, 5, 1, 6, c.gold[0]!);
      }
    },
    { outline: c.o[0], perRow: 8 },
  );
  return { name: 'Coin spin', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

function heart(k: Canvas, cx: number, cy: number, s: number, col: number): void {
  k.disc(cx - 3 * s, cy - 2.5 * s, 3.3 * s, col);
  k.disc(cx + 3 * s, cy - 2.5 * s, 3.3 * s, col);
  k.poly(
    [
      [cx - 6.1 * s, cy - 1.2 * s],
      [cx + 6.1 * s, cy - 1.2 * s],
      [cx, cy + 6.5 * s],
    ],
    col,
  );
}

export function hearts(): SpriteArt {
  const P = palette({ o: ['#3a0a12'], red: ['#9f1239', '#e11d48', '#fb7185', '#ffe4e6'], empty: ['#4b4456', '#7c7289'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const s = i === 3 ? 1.15 : 1;
      heart(k, 8, 8.5, s, i === 2 ? c.empty[1]! : c.red[1]!);
      if (i === 2) {
        heart(k, 8, 8.5, 0.6, c.empty[0]!);
        return;
      }
      if (i === 1) for (let y = 0; y < 16; y++) for (let x = 8; x < 16; x++) if (k.get(x, y) !== 0) k.set(x, y, x === 8 ? c.red[0]! : c.empty[1]!);
      for (let y = 0; y < 16; y++) for (let x = 0; x < 16; x++) if (k.get(x, y) === c.red[1] && x + y > 17) k.set(x, y, c.red[0]!);
      k.rect(4, 4, 2, 2, c.red[2]!);
      k.set(4, 4, c.red[3]!);
      if (i === 3) k.set(11, 3, c.red[3]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Hearts', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function keys(): SpriteArt {
  const P = palette({
    o: ['#1c1410'],
    gold: ['#a16207', '#eab308', '#fde68a'],
    silver: ['#64748b', '#a8b5c6', '#eef2f7'],
    red: ['#991b1b', '#ef4444', '#fecaca'],
    blue: ['#1e40af', '#3b82f6', '#bfdbfe'],
  });
  const { c } = P;
  const ramps = [c.gold, c.silver, c.red, c.blue];
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const r = ramps[i]!;
      k.disc(5, 5, 3.6, r[1]!);
      k.disc(5, 5, 1.5, 0);
      k.poly(
        [
          [6, 6.5],
          [7.5, 5],
          [14, 11.5],
          [12.5, 13],
        ],
        r[1]!,
      );
      k.poly(
        [
          [11, 10],
          [12.5, 11.5],
          [10, 14],
          [8.5, 12.5],
        ],
        r[1]!,
      );
      k.poly(
        [
          [8.5, 7.5],
          [10, 9],
          [8, 11],
          [6.5, 9.5],
        ],
        r[1]!,
      );
      k.line(7, 5, 13, 11, r[2]!);
      k.set(3, 3, r[2]!);
      k.set(4, 2, r[2]!);
      k.set(7, 7, r[0]!);
      k.set(2, 6, r[0]!);
      k.set(3, 8, r[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Keys', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function potions(): SpriteArt {
  const P = palette({
    o: ['#141022'],
    glass: ['#c7d2fe', '#ffffff'],
    cork: ['#7c4a2d', '#b7794a'],
    red: ['#b91c1c', '#f87171'],
    blue: ['#1d4ed8', '#60a5fa'],
    green: ['#15803d', '#4ade80'],
    purple: ['#7e22ce', '#c084fc'],
  });
  const { c } = P;
  const liquids = [c.red, c.blue, c.green, c.purple];
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const l = liquids[i]!;
      k.rect(6, 1, 4, 3, c.cork[1]!);
      k.rect(6, 1, 1, 3, c.cork[0]!);
      k.rect(6, 4, 4, 3, c.glass[0]!);
      k.disc(8, 10.5, 5, c.glass[0]!);
      k.ellipse(8, 11, 4, 3.8, l[1]!);
      k.rect(4, 8, 8, 1, l[1]!);
      for (let y = 8; y < 16; y++) for (let x = 8; x < 16; x++) if (k.get(x, y) === l[1] && x + y > 18) k.set(x, y, l[0]!);
      k.rect(5, 9, 1, 3, c.glass[1]!);
      k.set(6, 8, c.glass[1]!);
      if (i % 2 === 0) k.set(9, 11, c.glass[1]!);
      else k.set(10, 10, c.glass[1]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Potions', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function gems(): SpriteArt {
  const P = palette({
    o: ['#10101a'],
    ruby: ['#881337', '#e11d48', '#fda4af'],
    sapphire: ['#1e3a8a', '#2563eb', '#93c5fd'],
    emerald: ['#065f46', '#10b981', '#a7f3d0'],
    topaz: ['#9a3412', '#f59e0b', '#fde68a'],
    white: ['#ffffff'],
  });
  const { c } = P;
  const ramps = [c.ruby, c.sapphire, c.emerald, c.topaz];
  const SHAPES: Point[][] = [
    [
      [4, 3],
      [12, 3],
      [15, 7],
      [8, 15],
      [1, 7],
    ],
    [
      [8, 1],
      [14, 8],
      [8, 15],
      [2, 8],
    ],
    [
      [5, 2],
      [11, 2],
      [14, 5],
      [14, 11],
      [11, 14],
      [5, 14],
      [2, 11],
      [2, 5],
    ],
    [
      [8, 1],
      [14, 5],
      [14, 11],
      [8, 15],
      [2, 11],
      [2, 5],
    ],
  ];
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const r = ramps[i]!;
      const s = SHAPES[i]!;
      k.poly(s, r[1]!);
      // Facets: the upper-left half light, lower-right dark, a table in the middle.
      for (let y = 0; y < 16; y++)
        for (let x = 0; x < 16; x++) {
          if (k.get(x, y) === 0) continue;
          if (x + y < 12) k.set(x, y, r[2]!);
          else if (x + y > 19) k.set(x, y, r[0]!);
        }
      k.poly(
        s.map(([x, y]) => [8 + (x - 8) * 0.45, 8 + (y - 8) * 0.45] as Point),
        r[1]!,
      );
      k.set(5, 5, c.white[0]!);
      k.set(6, 4, c.white[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Gems', kind: 'item', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
