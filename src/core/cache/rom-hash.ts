/** The content hash cache keys carry: SHA-256 (lower-case hex) of the headerless ROM bytes. */
import { createHash } from 'node:crypto';

export function romContentHash(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
