/** More effects: lightning (16x32), water splash, a sword slash arc (32x32, mirrored), bubbles, 2bpp dust. */
import { palette } from './palette';
import { rng } from './random';
import { frames, type SpriteArt } from './sprite-art';
import type { Point } from './canvas';

export function lightning(): SpriteArt {
  const P = palette({ o: ['#0c1445'], b: ['#3b82f6', '#93c5fd', '#e0f2fe', '#ffffff'] });
  const { c } = P;
  const image = frames(
    16,
    32,
    4,
    (k, i) => {
      const rand = rng(300 + i);
      const path: Point[] = [[8 + (rand() - 0.5) * 4, 0]];
      for (let y = 5; y <= 31; y += 5) path.push([Math.max(3, Math.min(12, path[path.length - 1]![0] + (y % 10 === 5 ? 4 : -4) + (rand() - 0.5) * 3)), y]);
      const w = i % 2 === 0 ? 2.2 : 1.6;
      const left = path.map(([x, y]) => [x - w, y] as Point);
      const right = path.map(([x, y]) => [x + w, y + 1.5] as Point).reverse();
      k.poly([...left, ...right], c.b[1]!);
      for (let p = 0; p + 1 < path.length; p++) k.line(path[p]![0], path[p]![1] + 1, path[p + 1]![0], path[p + 1]![1] + 1, c.b[3]!);
      const fork = path[2 + (i % 3)]!;
      k.line(fork[0], fork[1], fork[0] + (i % 2 ? -4 : 4), fork[1] + 6, c.b[2]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Lightning', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function splash(): SpriteArt {
  const P = palette({ o: ['#082f49'], w: ['#0369a1', '#0ea5e9', '#7dd3fc', '#f0f9ff'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const h = [3, 7, 9, 5][i]!;
      k.ellipse(8, 14, 3 + i * 1.3, 1.5, c.w[1]!);
      for (const s of [-1, 1]) {
        const sx = 8 + s * (2 + i);
        k.line(8 + s, 14, sx, 14 - h, c.w[2]!);
        k.shaded(sx, 14 - h, 1.6, 1.6, c.w);
      }
      if (i < 3) k.shaded(8, 13 - h, 1.5, 2, c.w);
      if (i === 3) for (const x of [2, 14]) k.set(x, 6, c.w[2]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Water splash', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function slashArc(): SpriteArt {
  const P = palette({ o: ['#1c1917'], s: ['#64748b', '#cbd5e1', '#ffffff'], g: ['#fbbf24'] });
  const { c } = P;
  const image = frames(
    32,
    32,
    4,
    (k, i) => {
      const start = -2.2 + i * 0.5;
      const end = start + 1.2 + i * 0.5;
      for (let a = start; a <= end; a += 0.02) {
        const w = Math.sin(((a - start) / (end - start)) * Math.PI) * 4;
        for (let r = 13 - w; r <= 13; r += 0.5) k.set(14 + Math.cos(a) * r, 16 + Math.sin(a) * r, r > 12 ? c.s[2]! : r > 11 - w / 2 ? c.s[1]! : c.s[0]!);
      }
      if (i === 3)
        for (const [x, y] of [
          [27, 22],
          [24, 26],
          [29, 18],
        ] as const)
          k.set(x, y, c.g[0]!);
    },
    { mirror: true, outline: c.o[0], perRow: 4 },
  );
  return { name: 'Sword slash', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function bubbles(): SpriteArt {
  const P = palette({ o: ['#0c4a6e'], b: ['#38bdf8', '#bae6fd', '#ffffff'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const list: Array<[number, number, number]> = [
        [5, 11 - i, 3.5],
        [11.5, 7 - i * 0.7, 2.6],
        [7, 3 - i * 0.3, 1.6],
      ];
      for (const [x, y, r] of list) {
        const yy = y;
        k.ring(x + Math.sin(i + x) * 0.8, yy, r, 1, c.b[0]!);
        k.set(x - r / 2, yy - r / 2, c.b[2]!);
      }
    },
    { outline: c.o[0] },
  );
  return { name: 'Bubbles', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

/** 2bpp: a dust cloud kicked up by running feet (4 colours). */
export function dust(): SpriteArt {
  const P = palette({ o: ['#5b4636'], d: ['#a8927a', '#e8dccb'] }, '#000000', 4);
  const { c } = P;
  const image = frames(
    16,
    16,
    8,
    (k, i) => {
      const t = i / 7;
      const rand = rng(500 + i);
      for (let p = 0; p < 4; p++) {
        const r = (1.5 + rand() * 1.5) * (1 - t * 0.6);
        const x = 4 + p * 2.5 + t * 3;
        const y = 12 - t * 5 - rand() * 2;
        k.disc(x, y, r + 0.6, c.d[0]!);
        k.disc(x - 0.4, y - 0.4, r * 0.6, c.d[1]!);
      }
    },
    { outline: c.o[0], perRow: 8 },
  );
  return { name: 'Dust', kind: 'effect', bpp: 2, palette: [...P.hex, ...Array<string>(12).fill('#000000')], image, mirroredFrames: false };
}
