/**
 * File helpers for CLI commands.
 *
 * Inputs are read bounded (core/io/bounded-read.ts): stat first, anything that is not a regular
 * file (a FIFO, /dev/zero, a directory) or is over the size limit is refused before one byte is
 * read, and a missing file, a dangling link and a link loop each get their own message.
 *
 * Outputs never overwrite an input: every input a run reads is remembered (per run, through
 * `withRunFiles`), and an output that is the same file, symlinks and hard links followed, is
 * refused. Outputs are written to a temp file and renamed; temp files of dead runs are removed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readBoundedSync } from '../core/io/bounded-read';
import { removeStaleTempsSync, tempPathFor } from '../core/io/temp-files';
import { UsageError } from './command';

/** The largest input: a 64 MiB ROM with a 512-byte copier header (dumps, images and palettes are far smaller). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024 + 512;

interface RunFiles {
  /** "dev:ino" -> the path the user gave. */
  inputs: Map<string, string>;
}

/**
 * The record lives on globalThis under a registered symbol: the CLI entry and each command are
 * separate bundles (esbuild.mjs), each with its own copy of this module, and the entry's
 * `withRunFiles` must be the store the command's reads and writes see.
 */
const RUN_KEY = Symbol.for('spritepal.cli.runFiles');
const shared = globalThis as { [RUN_KEY]?: AsyncLocalStorage<RunFiles> };
const run = (shared[RUN_KEY] ??= new AsyncLocalStorage<RunFiles>());

/** Runs one CLI command with its own record of inputs. */
export function withRunFiles<T>(fn: () => Promise<T>): Promise<T> {
  return run.run({ inputs: new Map() }, fn);
}

function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

export function readInputFile(cwd: string, path: string, what = 'file', maxBytes = MAX_INPUT_BYTES): { path: string; bytes: Uint8Array } {
  const full = resolve(cwd, path);
  const f = readBoundedSync(full, { what, maxBytes, display: path });
  const id = identity(full);
  if (id) run.getStore()?.inputs.set(id, path);
  return { path: full, bytes: f.bytes };
}

/** Whether two paths name one file (links followed). */
export function sameFile(a: string, b: string): boolean {
  const ia = identity(a);
  return ia !== null && ia === identity(b);
}

/**
 * Refuses an output that is one of this run's inputs (symlinks and hard links followed), except
 * `allowed` (inject's in-place mode writes its ROM on purpose).
 */
export function checkOutputPath(path: string, allowed?: string): void {
  const id = identity(path);
  if (id === null) return;
  if (allowed !== undefined && identity(allowed) === id) return;
  const input = run.getStore()?.inputs.get(id);
  if (input !== undefined)
    throw new UsageError(
      `output "${path}" is the input "${input}"${basename(path) === basename(input) ? '' : ' (through a link)'}: refusing to overwrite it, nothing was written`,
    );
}

/** Checks the output path, then writes through a temp file in the same folder renamed over the target. */
export function writeOutputFile(path: string, data: Uint8Array | string): void {
  checkOutputPath(path);
  removeStaleTempsSync(path);
  const tmp = tempPathFor(path);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < buf.length;) at += writeSync(fd, buf, at, buf.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never written
    }
    throw new UsageError(`cannot write "${path}": ${(e as Error).message}`);
  }
}
