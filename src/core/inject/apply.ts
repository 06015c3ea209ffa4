/**
 * Applying a plan to file bytes (copier header included), without touching the input. Each patch
 * carries the bytes it replaces (core/edit), so a file that changed since the plan was made is
 * refused rather than half-patched. The CLI and the editor both apply injections through here.
 */
import { createHash } from 'node:crypto';
import { patchedFile, StaleRomError, type Patch } from '../edit';

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

/**
 * New file bytes with the plan's patches (checksum pair included) applied. Refuses with a
 * StaleRomError when the bytes under a patch (or the file size) are not what the plan saw.
 */
export function applyPlan(fileBytes: Uint8Array, copierHeaderSize: number, plan: { patches: readonly Patch[]; source?: PlanSource }): Uint8Array {
  checkPlanSource(fileBytes, plan);
  return patchedFile(fileBytes, copierHeaderSize, plan.patches);
}

/** Refuses (StaleRomError) a file whose size is not the one the plan was made for. */
export function checkPlanSource(fileBytes: Uint8Array, plan: { source?: PlanSource }): void {
  if (plan.source && plan.source.fileSize !== fileBytes.length) {
    throw new StaleRomError(`the file is ${fileBytes.length} bytes, the injection was planned for ${plan.source.fileSize}: it changed since it was opened`);
  }
}
