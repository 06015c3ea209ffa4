/**
 * Reading a file of the local disk with Node, for documents whose URI is a `file:` path (the
 * extension host runs beside those files). The editor's first `vscode.workspace.fs` call of a
 * session waits behind the workbench's start-up (measured: ~0.5 s to read the 512 KiB demo ROM
 * when VS Code had just opened, 40 ms later on), and saves already go through Node
 * (atomic-file.ts). Other schemes keep using VS Code's file system API.
 */
import { readFile, stat } from 'node:fs/promises';

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
 * Stats `path`, lets `check` refuse it by size before anything is read, then reads it whole. A
 * directory is refused as not being `what` (say, "a ROM file").
 */
export async function readLocalFile(path: string, what: string, check: (size: number) => void): Promise<LocalFile> {
  const st = await stat(path);
  if (st.isDirectory()) throw new Error(`${path} is a directory, not ${what}`);
  check(st.size);
  const bytes = new Uint8Array(await readFile(path));
  return { bytes, mtime: st.mtime.getTime(), size: bytes.length, writeProtected: (st.mode & 0o200) === 0 };
}
