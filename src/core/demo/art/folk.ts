/** A mage casting a spell (16x32 frames), a walking robot (24x24, mirrored) and a cat (mirrored). */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';

export function mageCast(): SpriteArt {
  const P = palette({
    o: ['#1a1030'],
    robe: ['#3b1f73', '#6a3fc1', '#9f7bf0'],
    skin: ['#c77b54', '#f4c09a'],
    beard: ['#b9b9c9', '#f4f4ff'],
    staff: ['#5b3a24', '#9a6a3a'],
    orb: ['#0e7490', '#22d3ee', '#cffafe'],
    gold: ['#f7d463'],
  });
  const { c } = P;
  const image = frames(
    16,
    32,
    4,
    (k, i) => {
      const raise = [0, 2, 4, 4][i]!;
      // Staff in the front hand, raised while casting.
      k.rect(12, 12 - raise, 1, 19, c.staff[1]!);
      k.rect(13, 13 - raise, 1, 18 - 0, c.staff[0]!);
      k.shaded(12.5, 10 - raise, 2.3, 2.3, c.orb);
      // Robe widening to the floor.
      k.poly(
        [
          [5, 14],
          [10, 14],
          [12, 31],
          [2, 31],
        ],
        c.robe[1]!,
      );
      k.poly(
        [
          [5, 14],
          [7, 14],
          [5, 31],
          [2, 31],
        ],
        c.robe[0]!,
      );
      k.rect(8, 16, 1, 15, c.robe[2]!);
      k.rect(3, 22, 9, 1, c.gold[0]!);
      // Arm reaching to the staff.
      k.rect(8, 17 - raise / 2, 4, 2, c.robe[2]!);
      k.rect(11, 17 - raise / 2, 2, 2, c.skin[1]!);
      // Head, beard, hat.
      k.rect(6, 9, 5, 4, c.skin[1]!);
      k.set(9, 10, c.o[0]!);
      k.poly(
        [
          [5, 12],
          [11, 12],
          [9, 18],
          [7, 18],
        ],
        c.beard[1]!,
      );
      k.rect(7, 13, 1, 4, c.beard[0]!);
      k.rect(3, 8, 11, 2, c.robe[1]!);
      k.rect(3, 9, 11, 1, c.robe[0]!);
      k.poly(
        [
          [4.5, 8],
          [11.5, 8],
          [6, 1],
          [3, 0],
        ],
        c.robe[1]!,
      );
      k.poly(
        [
          [4.5, 8],
          [6.5, 8],
          [4.5, 2],
          [3, 0],
        ],
        c.robe[2]!,
      );
      k.set(7, 5, c.gold[0]!);
      k.set(6, 6, c.gold[0]!);
      if (i >= 2) {
        const r = i === 2 ? 1 : 2;
        for (const [dx, dy] of [
          [0, -1],
          [0, 1],
          [-1, 0],
          [1, 0],
        ] as const)
          k.set(12.5 + dx * (r + 2), 10 - raise + dy * (r + 2), c.orb[2]!);
      }
    },
    { outline: c.o[0] },
  );
  return { name: 'Mage cast', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}

export function robotWalk(): SpriteArt {
  const P = palette({
    o: ['#161a22'],
    metal: ['#3d4a5c', '#647891', '#9fb3c8', '#dbe7f3'],
    visor: ['#0f766e', '#5eead4'],
    light: ['#b91c1c', '#f87171'],
    yellow: ['#facc15'],
    joint: ['#27303d'],
  });
  const { c } = P;
  const image = frames(
    24,
    24,
    4,
    (k, i) => {
      const b = i % 2 === 1 ? -1 : 0;
      const step = [2, 0, -2, 0][i]!;
      for (const [lx, col] of [
        [8 - step, c.metal[0]!],
        [12 + step, c.metal[1]!],
      ] as const) {
        k.rect(lx, 17 + b, 3, 5 - b, col);
        k.rect(lx - 1, 22, 5, 2, c.joint[0]!);
      }
      // Body box with a chest light.
      k.rect(6, 10 + b, 12, 8, c.metal[1]!);
      k.rect(6, 10 + b, 12, 1, c.metal[3]!);
      k.rect(6, 11 + b, 1, 7, c.metal[2]!);
      k.rect(17, 11 + b, 1, 7, c.metal[0]!);
      k.rect(9, 12 + b, 5, 4, c.joint[0]!);
      k.rect(10, 13 + b, 3, 2, i % 2 === 0 ? c.light[1]! : c.light[0]!);
      k.set(15, 12 + b, c.yellow[0]!);
      k.set(15, 14 + b, c.yellow[0]!);
      // Arm swinging opposite the front leg.
      k.rect(9 + step, 11 + b, 3, 6, c.metal[2]!);
      k.rect(9 + step, 17 + b, 3, 2, c.joint[0]!);
      // Head with a visor, antenna bulb.
      k.rect(7, 3 + b, 11, 7, c.metal[2]!);
      k.rect(7, 3 + b, 11, 1, c.metal[3]!);
      k.rect(7, 9 + b, 11, 1, c.metal[0]!);
      k.rect(11, 5 + b, 7, 3, c.visor[0]!);
      k.rect(13 + (i % 2), 6 + b, 2, 1, c.visor[1]!);
      k.rect(16, 6 + b, 1, 1, c.visor[1]!);
      k.rect(9, 1 + b, 1, 2, c.metal[0]!);
      k.rect(8, 0 + b, 3, 1, c.light[1]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Robot walk', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function catWalk(): SpriteArt {
  const P = palette({ o: ['#2a160c'], fur: ['#b45309', '#f59e0b', '#fcd34d'], cream: ['#fff4d6'], stripe: ['#92400e'], eye: ['#1b1424'], nose: ['#f472b6'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const step = [1, 0, -1, 0][i]!;
      const b = i % 2 === 1 ? -1 : 0;
      // Legs (far pair darker), tail curling up, body, head with ears.
      for (const [lx, col] of [
        [4 - step, c.fur[0]!],
        [10 + step, c.fur[0]!],
        [3 + step, c.fur[1]!],
        [9 - step, c.fur[1]!],
      ] as const)
        k.rect(lx, 12 + b, 1, 4 - b, col);
      k.line(2, 10 + b, 1, 7 + b, c.fur[1]!);
      k.line(1, 7 + b, 2, 4 + b, c.fur[1]!);
      k.set(3, 4 + b, c.stripe[0]!);
      k.shaded(6.5, 10.5 + b, 4.8, 2.6, c.fur);
      k.rect(4, 9 + b, 1, 2, c.stripe[0]!);
      k.rect(6, 8 + b, 1, 2, c.stripe[0]!);
      k.rect(8, 8 + b, 1, 2, c.stripe[0]!);
      k.shaded(12, 7.5 + b, 3.3, 3, c.fur);
      k.poly(
        [
          [9.2, 6 + b],
          [9.6, 2.5 + b],
          [12, 5 + b],
        ],
        c.fur[1]!,
      );
      k.poly(
        [
          [12.8, 5 + b],
          [14.6, 2.5 + b],
          [15, 6.5 + b],
        ],
        c.fur[1]!,
      );
      k.set(10, 4 + b, c.nose[0]!);
      k.set(14, 4 + b, c.nose[0]!);
      k.ellipse(13.5, 9 + b, 1.8, 1, c.cream[0]!);
      k.set(12, 7 + b, c.eye[0]!);
      k.set(14, 7 + b, c.eye[0]!);
      k.set(15, 8 + b, c.nose[0]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Cat walk', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function mushroomWalk(): SpriteArt {
  const P = palette({
    o: ['#2a0c10'],
    cap: ['#9f1239', '#e11d48', '#fb7185'],
    spot: ['#fff1f2'],
    stem: ['#d6c4a8', '#f5ead6'],
    eye: ['#1b1424'],
    foot: ['#7c4a2d'],
  });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const step = [1, 0, -1, 0][i]!;
      const b = i % 2 === 1 ? -1 : 0;
      k.rect(4 + step, 14, 3, 2, c.foot[0]!);
      k.rect(9 - step, 14, 3, 2, c.foot[0]!);
      k.shaded(8, 6 + b, 7, 5.5, c.cap);
      k.rect(0, 7 + b, 16, 6, 0);
      k.rect(2, 7 + b, 12, 1, c.cap[0]!);
      k.rect(4, 8 + b, 8, 6, c.stem[1]!);
      k.rect(4, 8 + b, 1, 6, c.stem[0]!);
      k.rect(4, 8 + b, 8, 1, c.stem[0]!);
      k.rect(6, 10 + b, 1, 2, c.eye[0]!);
      k.rect(9, 10 + b, 1, 2, c.eye[0]!);
      k.disc(5, 3.5 + b, 1.5, c.spot[0]!);
      k.disc(10.5, 3 + b, 1.2, c.spot[0]!);
      k.disc(12, 5 + b, 1, c.spot[0]!);
      k.disc(2.5, 5.5 + b, 0.9, c.spot[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Mushroom walk', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
