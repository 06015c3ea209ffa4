/** Test helpers for patches, independent of the code under test. */

/** CRC-32 (reflected polynomial 0xEDB88320), one bit at a time. */
export function referenceCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
export const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** Header + actions, then the three CRCs, as the spec lays them out. */
export function bpsFile(source: Uint8Array, target: Uint8Array, headerAndActions: number[]): Uint8Array {
  const body = [...headerAndActions, ...le32(referenceCrc32(source)), ...le32(referenceCrc32(target))];
  return Uint8Array.from([...body, ...le32(referenceCrc32(Uint8Array.from(body)))]);
}
