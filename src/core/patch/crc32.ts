/** CRC-32 (ISO-HDLC, the zlib/PNG one that BPS footers use), from Node's native zlib. */
import { crc32 as zlibCrc32 } from 'node:zlib';

export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}

/** A CRC as BPS tools print it: 8 upper-case hex digits. */
export function crcHex(crc: number): string {
  return (crc >>> 0).toString(16).toUpperCase().padStart(8, '0');
}
