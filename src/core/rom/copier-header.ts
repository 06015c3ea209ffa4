/** Copier headers: 512 bytes that old copier devices put before the ROM (size % 1024 == 512). */
export const COPIER_HEADER_SIZE = 512;

export function copierHeaderSize(fileSize: number): 0 | 512 {
  return fileSize % 1024 === COPIER_HEADER_SIZE ? COPIER_HEADER_SIZE : 0;
}
