/**
 * Reading a file of the local disk with Node, for documents whose URI is a `file:` path (the
 * extension host runs beside those files). The editor's first `vscode.workspace.fs` call of a
 * session waits behind the workbench's start-up (measured: ~0.5 s to read the 512 KiB demo ROM
 * when VS Code had just opened, 40 ms later on), and saves already go through Node
 * (atomic-file.ts). Other schemes keep using VS Code's file system API.
 */
import { stat } from 'node:fs/promises';
import { readBounded } from './bounded-read';

/** No document is read past this, whatever `check` accepts. */
export const MAX_LOCAL_FILE_BYTES = 256 * 1024 * 1024;

export interface LocalFile {
  bytes: Uint8Array;
  /** Modification time in whole milliseconds (what VS Code's stat reports). */
  mtime: number;
  size: number;
  /** The owner's write bit is clear (VS Code shows such a file as locked). */
  writeProtected: boolean;
}

export interface LocalStamp {
  /** Modification time in whole milliseconds (what VS Code's stat reports). */
  mtime: number;
  size: number;
}

/** The file's modification time and size, as VS Code's stat would give them. */
export async function localStamp(path: string): Promise<LocalStamp> {
  const st = await stat(path);
  return { mtime: st.mtime.getTime(), size: st.size };
}

/**
 * Stats `path`, refuses what is not a regular file (a directory, a FIFO, a device: as not being
 * `what`, say "a ROM file") and lets `check` refuse it by size, all before anything is read; then
 * reads at most `maxBytes` (bounded-read.ts). Symbolic links are followed.
 */
export async function readLocalFile(path: string, what: string, check: (size: number) => void, maxBytes = MAX_LOCAL_FILE_BYTES): Promise<LocalFile> {
  const f = await readBounded(path, { what, maxBytes, check });
  return { bytes: f.bytes, mtime: f.mtime, size: f.bytes.length, writeProtected: (f.mode & 0o200) === 0 };
}
