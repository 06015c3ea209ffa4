/**
 * Sibling emulator dumps by name, as SpritePal found them: Mesen writes `X.SnesVideoRam.dmp`,
 * `X.SnesCgRam.dmp` and `X.SnesSpriteRam.dmp`; other tools put `VRAM`, `CGRAM` or `OAM` in the name.
 * Given one dump's name and the names beside it, pick the matching other kinds: same stem first
 * (the name without its kind words), then the only candidate of that kind.
 */

export type DumpKind = 'vram' | 'cgram' | 'oam';

const MESEN: Record<DumpKind, string> = { vram: 'snesvideoram', cgram: 'snescgram', oam: 'snesspriteram' };
const WORDS: Record<DumpKind, string> = { vram: 'vram', cgram: 'cgram', oam: 'oam' };
const KINDS: DumpKind[] = ['vram', 'cgram', 'oam'];

function parts(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/\.[^.]*$/, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** What kind of dump a file name says it is, or null. */
export function dumpKindOf(name: string): DumpKind | null {
  if (!/\.(dmp|bin)$/i.test(name)) return null;
  const lower = name.toLowerCase();
  const words = parts(name);
  for (const k of KINDS) if (lower.includes(MESEN[k]) || words.includes(WORDS[k])) return k;
  return null;
}

/** The name without its kind markers and extension: what siblings share. */
export function dumpStem(name: string): string {
  let lower = name.toLowerCase().replace(/\.[^.]*$/, '');
  for (const k of KINDS) lower = lower.split(MESEN[k]).join(' ');
  return lower
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !KINDS.some((k) => WORDS[k] === w))
    .join('.');
}

/** Sibling dumps of `name` among `names` (file names in the same folder). */
export function findSiblings(name: string, names: string[]): Partial<Record<DumpKind, string>> {
  const own = dumpKindOf(name);
  const stem = dumpStem(name);
  const out: Partial<Record<DumpKind, string>> = {};
  if (own) out[own] = name;
  for (const k of KINDS) {
    if (k === own) continue;
    const candidates = names.filter((n) => n !== name && dumpKindOf(n) === k);
    const same = candidates.filter((n) => dumpStem(n) === stem);
    const pick = same.length > 0 ? same.sort((a, b) => a.length - b.length)[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (pick) out[k] = pick;
  }
  return out;
}
