/**
 * What a cached value of each kind must look like. A disk entry whose CRC checks out may still
 * have been written by another version or forged: before it is served it must have its kind's
 * shape (fields, types, safe integers, sizes that agree), or it is deleted as corrupt. Kinds
 * without a schema here are served as they are. Extra fields are allowed (newer versions).
 *
 * A shape is not the truth: for a scan, the session also re-decodes a sample of the hits against
 * the ROM before serving it (`sampleHits`), since a cache entry is a hint, never trusted over the ROM.
 */
import type { KeyParts } from './keys';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function decodeProblem(v: unknown): string | null {
  if (!isObj(v) || !(v.data instanceof Uint8Array)) return 'not { data: bytes, consumed }';
  return count(v.consumed) && v.consumed > 0 ? null : 'consumed is not a positive whole number';
}

function thumbProblem(v: unknown, parts: KeyParts): string | null {
  if (!isObj(v)) return 'not an object';
  for (const k of ['romOffset', 'width', 'height', 'tiles', 'consumed', 'size']) if (!count(v[k])) return `${k} is not a whole number`;
  if (parts.offset !== undefined && v.romOffset !== parts.offset) return "romOffset is not the key's offset";
  if (!(v.pixels instanceof Uint8Array) || v.pixels.length !== (v.width as number) * (v.height as number)) return 'pixels do not fill width x height';
  return null;
}

function scanProblem(v: unknown): string | null {
  if (!isObj(v) || !Array.isArray(v.hits) || !count(v.nextOffset) || typeof v.complete !== 'boolean') return 'not { hits, nextOffset, complete }';
  let last = -1;
  for (const h of v.hits as unknown[]) {
    if (!isObj(h) || !count(h.romOffset) || !count(h.consumed) || !count(h.size) || !count(h.tiles)) return 'a hit lacks its offsets and sizes';
    if (h.kind !== 'hal' && h.kind !== 'raw') return 'a hit has an unknown kind';
    if (typeof h.score !== 'number' || !(h.score >= 0 && h.score <= 1)) return 'a hit has a score outside 0..1';
    if (h.romOffset <= last) return 'hits are not sorted by offset';
    last = h.romOffset;
  }
  return null;
}

/** Why `value` cannot be a cached value of `parts.kind`, or null when it can. */
export function cachedValueProblem(parts: KeyParts, value: unknown): string | null {
  switch (parts.kind) {
    case 'decode':
      return decodeProblem(value);
    case 'thumb':
      return thumbProblem(value, parts);
    case 'scan':
      return scanProblem(value);
    default:
      return null;
  }
}

/** Up to `n` items spread evenly over `items` (first and last included): what to re-verify. */
export function sampleHits<T>(items: readonly T[], n = 4): T[] {
  if (items.length <= n) return [...items];
  const out: T[] = [];
  for (let k = 0; k < n; k++) out.push(items[Math.round((k * (items.length - 1)) / (n - 1))]!);
  return out;
}
