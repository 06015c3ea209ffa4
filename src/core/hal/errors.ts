/** Typed errors of the HAL codec. Both are SpritePalErrors with a stable `code`. */
import { SpritePalError } from '../errors';
import { hex } from '../format';

/** Why a stream could not be decoded (see decode.ts for each rule). */
export type HalDecodeReason =
  | 'truncated' // the input ended inside a command or before the 0xFF terminator
  | 'overflow' // the command would write past the output limit (65,536 bytes by default)
  | 'copy-before-start' // a backwards copy (command 6) would read before output index 0
  | 'copy-past-end' // a copy (commands 4, 5, 7) would read past index 65,535
  | 'empty' // the stream is just the terminator: nothing decoded
  | 'unwritten-source'; // strict mode: a copy reads output bytes that are not written yet

const REASON_TEXT: Record<HalDecodeReason, string> = {
  truncated: 'input ends inside a command or before the 0xFF terminator',
  overflow: 'output would exceed the limit',
  'copy-before-start': 'backwards copy reads before output index 0',
  'copy-past-end': 'copy reads past output index 65,535',
  empty: 'stream decodes to 0 bytes',
  'unwritten-source': 'copy reads output bytes not written yet (strict mode)',
};

export class HalDecodeError extends SpritePalError {
  constructor(
    /** Absolute offset in the source of the failing command (or of the missing byte). */
    readonly offset: number,
    readonly reason: HalDecodeReason,
    detail = '',
  ) {
    super('hal-decode', `HAL stream: ${REASON_TEXT[reason]} at ${hex(offset)}${detail ? ` (${detail})` : ''}`);
    this.name = 'HalDecodeError';
  }
}

export class HalEncodeError extends SpritePalError {
  constructor(message: string) {
    super('hal-encode', message);
    this.name = 'HalEncodeError';
  }
}
