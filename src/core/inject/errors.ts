/** Refusals of the injection pipeline: each names what was refused and where; nothing is written. */
import { SpritePalError } from '../errors';

export type InjectionRefusal =
  | 'image' // wrong size or tile count, too many colours, colours not in the palette, unreadable PNG
  | 'no-room' // the new data does not fit in place and relocation was not allowed
  | 'no-free-space' // relocation allowed, but no run of free bytes is long enough (within one bank)
  | 'ambiguous-pointers' // several pointers to the old block and none chosen: ask, then call again
  | 'no-pointers' // no pointer to the old block (or a chosen slot does not point at it)
  | 'verify-failed' // the patched ROM does not decode back to the image
  | 'target'; // the target itself is unusable (offset past the end, not a HAL stream, bad tile count)

export class InjectionRefusedError extends SpritePalError {
  constructor(
    readonly reason: InjectionRefusal,
    message: string,
    /** For 'ambiguous-pointers': headerless offsets of the candidate 24-bit pointer slots. */
    readonly candidates: number[] = [],
  ) {
    super('inject-refused', message);
    this.name = 'InjectionRefusedError';
  }
}

/** Re-exported: the edit model owns it (a stale file refuses any edit, not only injections). */
export { StaleRomError } from '../edit/errors';
