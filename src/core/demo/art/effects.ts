/** Effects: sparkle, explosion (32x32), smoke puffs, a fireball (mirrored), a magic ring (32x32). */
import { palette } from './palette';
import { rng } from './random';
import { frames, type SpriteArt } from './sprite-art';
import type { Canvas } from './canvas';

function star4(k: Canvas, cx: number, cy: number, r: number, col: number, core: number): void {
  for (let d = -r; d <= r; d++) {
    k.set(cx + d, cy, col);
    k.set(cx, cy + d, col);
  }
  if (r >= 3) {
    k.rect(cx - 1, cy - 1, 3, 3, col);
    for (const [dx, dy] of [
      [-1, -1],
      [1, -1],
      [-1, 1],
      [1, 1],
    ] as const)
      k.set(cx + dx * 2, cy + dy * 2, col);
  }
  k.set(cx, cy, core);
}

export function sparkle(): SpriteArt {
  const P = palette({ o: ['#3b2a00'], y: ['#f59e0b', '#fde047', '#fffbe6'], c: ['#67e8f9'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const r = [2, 5, 7, 3][i]!;
      star4(k, 8, 8, r, c.y[1]!, c.y[2]!);
      if (i >= 1)
        for (let d = 1; d < r - 1; d++) {
          k.set(8 + d, 8, c.y[2]!);
          k.set(8, 8 - d, c.y[2]!);
        }
      if (i === 2 || i === 3) {
        star4(k, 3, 3, 1, c.c[0]!, c.y[2]!);
        star4(k, 13, 12, i === 2 ? 2 : 1, c.c[0]!, c.y[2]!);
      }
    },
    { outline: c.o[0] },
  );
  return { name: 'Sparkle', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function explosion(): SpriteArt {
  const P = palette({ o: ['#2b0a00'], fire: ['#7f1d1d', '#dc2626', '#f97316', '#fbbf24', '#fef08a', '#ffffff'], smoke: ['#3f3f46', '#71717a', '#a1a1aa'] });
  const { c } = P;
  const image = frames(
    32,
    32,
    6,
    (k, i) => {
      const rand = rng(1000 + i);
      const t = i / 5;
      const R = 4 + t * 11;
      const puffs = 7;
      for (let p = 0; p < puffs; p++) {
        const a = (p / puffs) * Math.PI * 2 + rand() * 0.6;
        const d = R * (0.45 + rand() * 0.25);
        const r = R * (0.42 + rand() * 0.2) * (1 - t * 0.25);
        const ramp = i >= 4 ? c.smoke : c.fire.slice(0, 5);
        k.shaded(16 + Math.cos(a) * d, 16 + Math.sin(a) * d, r, r, ramp);
      }
      if (i < 4) k.shaded(16, 16, R * (0.6 - t * 0.3), R * (0.6 - t * 0.3), c.fire.slice(2));
      if (i === 0) k.disc(16, 16, 2, c.fire[5]!);
      if (i >= 2 && i < 5)
        for (let s = 0; s < 6; s++) {
          const a = rand() * Math.PI * 2;
          k.set(16 + Math.cos(a) * (R + 3), 16 + Math.sin(a) * (R + 3), c.fire[4]!);
        }
    },
    { outline: c.o[0], perRow: 6 },
  );
  return { name: 'Explosion', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function smokePuff(): SpriteArt {
  const P = palette({ o: ['#27272a'], s: ['#71717a', '#a1a1aa', '#d4d4d8', '#fafafa'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    8,
    (k, i) => {
      const t = i / 7;
      const rise = t * 5;
      const r = 2.5 + t * 2.5;
      const n = i < 6 ? 3 : 2;
      for (let p = 0; p < n; p++) {
        const a = (p / 3) * Math.PI * 2 + t;
        k.shaded(8 + Math.cos(a) * r * 0.8, 10 - rise + Math.sin(a) * r * 0.6, r * (1 - t * 0.4), r * (1 - t * 0.4), c.s);
      }
    },
    { outline: c.o[0], perRow: 8 },
  );
  return { name: 'Smoke puff', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function fireball(): SpriteArt {
  const P = palette({ o: ['#3a0a00'], f: ['#b91c1c', '#f97316', '#fbbf24', '#fef9c3'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const rand = rng(77 + i);
      for (let t = 0; t < 5; t++) {
        const x = 8 - t * 1.6;
        const y = 8 + Math.sin(i * 1.6 + t * 1.3) * 1.5;
        k.disc(x, y, 3.5 - t * 0.6, c.f[t < 2 ? 1 : 0]!);
      }
      k.shaded(10, 8, 4, 3.6, c.f);
      for (let s = 0; s < 3; s++) k.set(1 + rand() * 6, 3 + rand() * 10, c.f[2]!);
      k.set(11, 7, c.f[3]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Fireball', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function magicRing(): SpriteArt {
  const P = palette({ o: ['#1e0b3a'], m: ['#6d28d9', '#a855f7', '#e9d5ff', '#ffffff'], c: ['#06b6d4', '#a5f3fc'] });
  const { c } = P;
  const image = frames(
    32,
    32,
    4,
    (k, i) => {
      const r = 5 + i * 3.5;
      k.ring(16, 16, r, 2.5 - i * 0.3, c.m[1]!);
      k.ring(16, 16, r - 0.8, 1, c.m[2]!);
      for (let s = 0; s < 8; s++) {
        const a = (s / 8) * Math.PI * 2 + i * 0.35;
        const rr = r + 2 + (s % 2) * 2;
        star4(k, Math.round(16 + Math.cos(a) * rr), Math.round(16 + Math.sin(a) * rr), i < 2 ? 1 : 2, s % 2 ? c.c[1]! : c.m[2]!, c.m[3]!);
      }
      if (i === 0) k.shaded(16, 16, 3, 3, c.m);
    },
    { outline: c.o[0], perRow: 4 },
  );
  return { name: 'Magic ring', kind: 'effect', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
