import { SpritePalError } from '../errors';

/**
 * Why a patch could not be made or applied. `malformed`: the patch bytes do not follow the
 * format (truncated, bad magic, an action reading outside a file); `checksum`: a CRC32 in a BPS
 * footer does not match; `wrong-source`: the patch was made for another ROM; `too-large`: IPS
 * cannot address the file (16 MiB); `unsupported`: not an IPS or BPS file.
 */
export type PatchErrorReason = 'malformed' | 'checksum' | 'wrong-source' | 'too-large' | 'unsupported';

export class PatchError extends SpritePalError {
  constructor(
    readonly reason: PatchErrorReason,
    message: string,
  ) {
    super(`patch-${reason}`, message);
    this.name = 'PatchError';
  }
}
