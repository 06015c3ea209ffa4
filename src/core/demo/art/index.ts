/**
 * Every drawing in the demo ROM, in ROM order (kinds interleaved the way a game's data would be).
 * Each call draws afresh; the ROM builder calls this once and caches the result.
 */
import { brickWall, castleStone, clouds, grassGround, waterAnim, woodPlanks } from './backgrounds';
import { dragonBoss } from './dragon';
import { bubbles, dust, lightning, slashArc, splash } from './effects-b';
import { explosion, fireball, magicRing, smokePuff, sparkle } from './effects';
import { batFlap, birdFly, fishSwim } from './flyers';
import { catWalk, mageCast, mushroomWalk, robotWalk } from './folk';
import { font } from './font';
import { frogHop, ghostFloat } from './ghost-frog';
import { coinSpin, gems, hearts, keys, potions } from './items-a';
import { bombFuse, chest, food, shields, treasures, weapons } from './items-b';
import { knightWalk } from './knight';
import { castleDusk, landscape, nightSky } from './scenes';
import { kingSlime, slimeBounce } from './slimes';
import type { SpriteArt } from './sprite-art';

const DRAWINGS: ReadonlyArray<() => SpriteArt> = [
  knightWalk,
  coinSpin,
  sparkle,
  brickWall,
  slimeBounce,
  hearts,
  explosion,
  grassGround,
  kingSlime,
  keys,
  smokePuff,
  waterAnim,
  ghostFloat,
  potions,
  fireball,
  clouds,
  frogHop,
  gems,
  magicRing,
  castleStone,
  birdFly,
  weapons,
  lightning,
  woodPlanks,
  batFlap,
  shields,
  splash,
  nightSky,
  fishSwim,
  food,
  slashArc,
  font,
  mageCast,
  treasures,
  bubbles,
  landscape,
  robotWalk,
  chest,
  dust,
  castleDusk,
  catWalk,
  bombFuse,
  mushroomWalk,
  dragonBoss,
];

export function demoArt(): SpriteArt[] {
  return DRAWINGS.map((draw) => draw());
}

export type { SpriteArt, SpriteKind } from './sprite-art';
