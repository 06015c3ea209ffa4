/**
 * Cache keys. A key names everything a cached value depends on: the ROM's content hash (so a
 * changed ROM misses), the kind of value, the offset, the decode parameters (serialised
 * canonically: key order does not matter) and the version of the code that produced it (bump it
 * when a codec's output changes and every old entry misses).
 */
import { createHash } from 'node:crypto';
import { SpritePalError } from '../errors';

export type CacheKind = 'decode' | 'scan' | 'thumb' | (string & {});

/** A JSON-like value: what `params` may hold (no undefined in arrays, finite numbers only). */
export type KeyParam = string | number | boolean | null | readonly KeyParam[] | { readonly [k: string]: KeyParam | undefined };

export interface KeyParts {
  /** romContentHash() of the headerless ROM bytes: 64 lower-case hex digits. */
  romHash: string;
  kind: CacheKind;
  /** Where in the ROM the value starts (absent for whole-ROM values such as a scan). */
  offset?: number;
  params?: { readonly [k: string]: KeyParam | undefined };
  codecVersion: string | number;
}

export interface CacheKey {
  /** The canonical string form (L1 key; stored inside L2 files to verify them). */
  readonly id: string;
  readonly parts: Readonly<KeyParts>;
}

export class CacheKeyError extends SpritePalError {
  constructor(message: string) {
    super('cache-key', message);
    this.name = 'CacheKeyError';
  }
}

export function cacheKey(parts: KeyParts): CacheKey {
  if (!/^[0-9a-f]{64}$/.test(parts.romHash)) throw new CacheKeyError(`romHash must be 64 lower-case hex digits (SHA-256), got '${parts.romHash}'.`);
  if (parts.offset !== undefined && !(Number.isSafeInteger(parts.offset) && parts.offset >= 0)) {
    throw new CacheKeyError(`offset must be a non-negative integer, got ${parts.offset}.`);
  }
  const id = canonicalJson([parts.kind, parts.romHash, parts.offset ?? null, parts.codecVersion, parts.params ?? {}]);
  return { id, parts: { ...parts } };
}

/** The same key for another ROM content hash (used to carry entries over an edit). */
export function withRomHash(key: CacheKey, romHash: string): CacheKey {
  return cacheKey({ ...key.parts, romHash });
}

/** A filesystem-safe name for a key id (SHA-256 hex): the L2 file name. */
export function diskName(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** JSON with object keys sorted at every level; undefined properties are dropped, like JSON.stringify. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CacheKeyError(`Key parameters must be finite numbers, got ${value}.`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${fields.join(',')}}`;
  }
  throw new CacheKeyError(`Key parameters must be plain JSON values, got ${describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}
