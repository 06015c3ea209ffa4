/**
 * Sprite injection: put an edited PNG back into a ROM without losing a byte. Fits the new data in
 * place or (allowed) moves it to free space and rewrites its pointers, fixes the checksum, and
 * verifies by decoding before anything is committed.
 *
 * - `planInjection(rom, target, png, opts)`: pure; the patches (checksum pair included) and a summary,
 *   or an InjectionRefusedError naming what and where (`reason`, and `candidates` when the pointers
 *   are ambiguous: ask, then call again with `pointers`).
 * - `applyPlan(fileBytes, copierHeaderSize, plan)`: new file bytes; refuses (StaleRomError) when the
 *   file no longer holds what the plan saw. `sameSource(plan.source, bytes)` checks a whole file.
 * - `findFreeSpace(rom, length, opts)`, `freeRuns(data)`, `findPointers(rom, romOffset)`.
 */
export { planInjection, planTilePixels, type InjectOptions, type InjectionPlan, type InjectionSummary } from './plan';
export { readTarget, type CurrentBlock, type InjectTarget } from './target';
export { applyPlan, checkPlanSource, fileFingerprint, sameSource, type PlanSource } from './apply';
export { type Patch } from '../edit/patch';
export { InjectionRefusedError, StaleRomError, type InjectionRefusal } from './errors';
export { findFreeSpace, freeRuns, FREE_GUARD, type FreeRun, type FreeSpace, type FreeSpaceOptions, type Padding } from './free-space';
export { findPointers, readPointer, retarget, type FindPointersOptions } from './pointers';
export { bankSize, type Range } from './layout';
