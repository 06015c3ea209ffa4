/** File helpers for CLI commands: clear errors for missing files and directories. */
import { statSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './command';

export function readInputFile(cwd: string, path: string, what = 'file'): { path: string; bytes: Uint8Array } {
  const full = resolve(cwd, path);
  let st;
  try {
    st = statSync(full);
  } catch {
    throw new UsageError(`${what} "${path}" does not exist`);
  }
  if (st.isDirectory()) throw new UsageError(`${what} "${path}" is a directory, not a file`);
  return { path: full, bytes: new Uint8Array(readFileSync(full)) };
}
