/**
 * Applying a plan to file bytes (copier header included), without touching the input. Each patch
 * carries the bytes it replaces, so a file that changed since the plan was made is refused rather
 * than half-patched: the editor's "changed on disk" check, offered by the core.
 */
import { createHash } from 'node:crypto';
import { hex } from '../errors';
import { StaleRomError } from './errors';

export interface InjectionPatch {
  /** Headerless ROM offset. */
  romOffset: number;
  bytes: Uint8Array;
  /** What the ROM held there when the plan was made. */
  before?: Uint8Array;
}

export interface PlanSource {
  /** On-disk size of the file the plan was made from. */
  fileSize: number;
  /** SHA-256 (hex) of that file's bytes. */
  sha256: string;
}

export function fileFingerprint(fileBytes: Uint8Array): PlanSource {
  return { fileSize: fileBytes.length, sha256: createHash('sha256').update(fileBytes).digest('hex') };
}

/** True when `fileBytes` are exactly the bytes the plan was made from. */
export function sameSource(source: PlanSource, fileBytes: Uint8Array): boolean {
  return fileBytes.length === source.fileSize && fileFingerprint(fileBytes).sha256 === source.sha256;
}

/** Headerless patches onto a copy of `data` (the caller's array is never changed). */
export function patchedCopy(data: Uint8Array, patches: readonly InjectionPatch[], offset = 0): Uint8Array {
  const out = data.slice();
  for (const p of patches) {
    const at = offset + p.romOffset;
    if (!Number.isInteger(p.romOffset) || p.romOffset < 0 || at + p.bytes.length > out.length) {
      throw new RangeError(`patch of ${p.bytes.length} bytes at ROM offset ${hex(p.romOffset)} runs outside the ${out.length - offset}-byte ROM`);
    }
    out.set(p.bytes, at);
  }
  return out;
}

/**
 * New file bytes with the plan's patches (checksum pair included) applied. Refuses with a
 * StaleRomError when the bytes under a patch (or the file size) are not what the plan saw.
 */
export function applyPlan(fileBytes: Uint8Array, copierHeaderSize: number, plan: { patches: readonly InjectionPatch[]; source?: PlanSource }): Uint8Array {
  if (plan.source && plan.source.fileSize !== fileBytes.length) {
    throw new StaleRomError(`the file is ${fileBytes.length} bytes, the injection was planned for ${plan.source.fileSize}: it changed since it was opened`);
  }
  for (const p of plan.patches) {
    if (!p.before) continue;
    const at = copierHeaderSize + p.romOffset;
    const now = fileBytes.subarray(at, at + p.before.length);
    if (now.length !== p.before.length || now.some((b, i) => b !== p.before![i])) {
      throw new StaleRomError(`the bytes at ROM offset ${hex(p.romOffset)} are not the ones the injection was planned for: the file changed since it was opened`);
    }
  }
  return patchedCopy(fileBytes, plan.patches, copierHeaderSize);
}
