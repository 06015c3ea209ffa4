/** A floating ghost (with mirrored frames) and a hopping frog. */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';

export function ghostFloat(): SpriteArt {
  const P = palette({ o: ['#2a1f3d'], body: ['#7f83c0', '#b9bdec', '#eef0ff'], eye: ['#1b1424'], mouth: ['#6a2a55'], blush: ['#ff9fc0'] });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const f = [0, -1, -1, 0][i]!;
      k.disc(8, 7 + f, 5.5, c.body[1]!);
      k.rect(3, 7 + f, 11, 6, c.body[1]!);
      for (let x = 3; x < 14; x++) if ((x + i) % 4 < 2) k.set(x, 13 + f, c.body[1]!);
      k.shaded(7.5, 8 + f, 7, 8, c.body, true);
      k.rect(3, 11 + f, 1, 2, c.body[0]!);
      k.rect(9, 5 + f, 1, 2, c.eye[0]!);
      k.rect(12, 5 + f, 1, 2, c.eye[0]!);
      k.rect(10, 9 + f, 2, 1, c.mouth[0]!);
      k.set(8, 8 + f, c.blush[0]!);
      k.set(13, 8 + f, c.blush[0]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Ghost float', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}

export function frogHop(): SpriteArt {
  const P = palette({
    o: ['#10261a'],
    g: ['#2e7d32', '#4caf50', '#9be27a'],
    belly: ['#d9c35a', '#fff1a8'],
    white: ['#ffffff'],
    eye: ['#1b1424'],
    mouth: ['#c2334d'],
  });
  const { c } = P;
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const lift = [0, 1, -4, -1][i]!;
      const sq = [0, 1, -1, 0][i]!;
      const by = 11 + lift + sq;
      // Back legs: folded when sitting, stretched down while jumping.
      if (i === 2) {
        k.rect(3, by + 2, 2, 5, c.g[0]!);
        k.rect(11, by + 2, 2, 5, c.g[0]!);
        k.rect(2, by + 7, 3, 1, c.g[1]!);
        k.rect(11, by + 7, 3, 1, c.g[1]!);
      } else {
        k.ellipse(3.5, 13, 2.5, 2, c.g[0]!);
        k.ellipse(12.5, 13, 2.5, 2, c.g[0]!);
        k.rect(1, 15, 4, 1, c.g[1]!);
        k.rect(11, 15, 4, 1, c.g[1]!);
      }
      k.shaded(8, by, 6, 4 - sq, c.g);
      k.ellipse(8, by + 1.5, 3.5, 2.2, c.belly[1]!);
      k.rect(5, by + 3, 6, 1, c.belly[0]!);
      for (const ex of [4.5, 11.5]) {
        k.disc(ex, by - 4, 2.4, c.g[1]!);
        k.disc(ex, by - 4, 1.6, c.white[0]!);
        k.rect(ex - 0.5 + (ex < 8 ? 0.5 : 0), by - 5, 1, 2, c.eye[0]!);
      }
      k.rect(6, by, 4, 1, c.mouth[0]!);
    },
    { outline: c.o[0] },
  );
  return { name: 'Frog hop', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: false };
}
