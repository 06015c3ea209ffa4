/** The knight: steel helmet with a red plume, blue tunic, round shield; a 4-frame walk and its mirror. */
import { palette } from './palette';
import { frames, type SpriteArt } from './sprite-art';

const P = palette({
  o: ['#1b1424'],
  steel: ['#39405a', '#5d6a88', '#8f9cb8', '#cdd7ea'],
  blue: ['#1f3a93', '#3d6ee0', '#86b0ff'],
  red: ['#8a1f2b', '#e0443e'],
  skin: ['#c8784f', '#f5c29a'],
  brown: ['#5b3a24', '#93603a'],
  gold: ['#f7d463'],
});
const { c } = P;

export function knightWalk(): SpriteArt {
  const image = frames(
    16,
    16,
    4,
    (k, i) => {
      const b = i % 2 === 1 ? -1 : 0;
      const stride = [2, 0, -2, 0][i]!;
      // Legs: back leg first (darker), then the front one.
      const legs: Array<[number, number]> = [
        [6 - stride, c.steel[0]!],
        [7 + stride, c.steel[1]!],
      ];
      for (const [lx, col] of legs) {
        const lift = i % 2 === 1 && col === c.steel[0] ? 1 : 0;
        k.rect(lx, 12 + b, 2, 3 - lift, col);
        k.rect(lx, 15 - lift, 3, 1, c.brown[0]!);
      }
      // Shield on the far arm, behind the body.
      k.ellipse(4, 10 + b, 2.6, 3.1, c.gold[0]!);
      k.ellipse(4, 10 + b, 1.7, 2.2, c.red[1]!);
      k.set(3, 9 + b, c.red[0]!);
      // Tunic, belt, arm.
      k.rect(5, 8 + b, 6, 4, c.blue[1]!);
      k.rect(5, 8 + b, 1, 4, c.blue[0]!);
      k.rect(7, 8 + b, 1, 3, c.blue[2]!);
      k.rect(5, 11 + b, 6, 1, c.brown[1]!);
      k.set(8, 11 + b, c.gold[0]!);
      k.rect(9, 8 + b, 2, 2, c.steel[2]!);
      // Sword held up in front: grip, guard, blade.
      const swing = i % 2 === 1 ? 1 : 0;
      k.set(11, 10 + b, c.brown[0]!);
      k.rect(10, 9 + b, 3, 1, c.gold[0]!);
      for (let s = 0; s < 6; s++) k.set(12 + (s >> 1) + swing * (s >> 2), 8 + b - s, s === 5 ? c.steel[2]! : c.steel[3]!);
      // Helmet with an open face, plume.
      k.shaded(7.5, 4.6 + b, 3.9, 3.9, c.steel);
      k.rect(8, 4 + b, 4, 3, c.skin[1]!);
      k.rect(8, 6 + b, 4, 1, c.skin[0]!);
      k.set(10, 5 + b, c.o[0]!);
      k.rect(7, 3 + b, 5, 1, c.steel[3]!);
      k.rect(5, 0 + b, 3, 1, c.red[1]!);
      k.rect(3, 1 + b, 3, 1, c.red[1]!);
      k.rect(2, 2 + b, 2, 1, c.red[0]!);
    },
    { mirror: true, outline: c.o[0] },
  );
  return { name: 'Knight walk', kind: 'character', bpp: 4, palette: P.hex, image, mirroredFrames: true };
}
