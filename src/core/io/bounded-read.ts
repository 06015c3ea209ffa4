/**
 * Reading an untrusted path without trusting it: stat first, refuse anything that is not a regular
 * file (a FIFO would block forever, /dev/zero never ends, a directory is not data) and any size
 * over the limit, before one byte is read. The file is opened non-blocking and checked again on
 * its descriptor (the path may have been swapped meanwhile), and at most limit + 1 bytes are read,
 * so a file that grows while it is read is refused too.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { SpritePalError } from '../errors';

export class FileReadError extends SpritePalError {
  constructor(
    message: string,
    /** Why: missing, loop, not-a-file, too-large, unreadable. */
    readonly reason: 'missing' | 'loop' | 'not-a-file' | 'too-large' | 'unreadable',
  ) {
    super('read', message);
    this.name = 'FileReadError';
  }
}

export interface BoundedReadOptions {
  /** What the file is for the messages ("ROM", "image"); default "file". */
  what?: string;
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** How the path is shown (default: as given). */
  display?: string;
  /** Further refusal by size (throws), run after the stat and before reading. */
  check?: (size: number) => void;
}

export interface BoundedFile {
  bytes: Uint8Array;
  /** Modification time in whole milliseconds (as `stat().mtime.getTime()`, what VS Code reports). */
  mtime: number;
  mode: number;
}

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function label(opts: BoundedReadOptions, path: string): string {
  return `${opts.what ?? 'file'} "${opts.display ?? path}"`;
}

function statFailure(err: unknown, opts: BoundedReadOptions, path: string, danglingLink: boolean): FileReadError {
  const code = (err as NodeJS.ErrnoException).code;
  const who = label(opts, path);
  if (code === 'ELOOP') return new FileReadError(`${who} is a symbolic link loop: nothing was read`, 'loop');
  if (code === 'ENOENT')
    return new FileReadError(danglingLink ? `${who} is a symbolic link to a file that does not exist` : `${who} does not exist`, 'missing');
  if (code === 'ENOTDIR') return new FileReadError(`${who} does not exist (a folder on its path is a file)`, 'missing');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError(`${who} cannot be read: permission denied`, 'unreadable');
  return new FileReadError(`${who} cannot be read: ${(err as Error).message}`, 'unreadable');
}

/** Refuses what the stat shows is not a regular file of an accepted size. */
export function checkStat(st: Stats, path: string, opts: BoundedReadOptions): void {
  const kind = kindOf(st);
  if (kind) throw new FileReadError(`${label(opts, path)} is ${kind}, not a file: nothing was read`, 'not-a-file');
  opts.check?.(st.size);
  if (st.size > opts.maxBytes)
    throw new FileReadError(`${label(opts, path)} is ${st.size} bytes, over the ${opts.maxBytes}-byte limit: nothing was read`, 'too-large');
}

function tooLong(path: string, opts: BoundedReadOptions): FileReadError {
  return new FileReadError(`${label(opts, path)} grew while it was read (limit ${opts.maxBytes} bytes): nothing was used`, 'too-large');
}

/** Reads `path` (symlinks followed) within the limits, synchronously. */
export function readBoundedSync(path: string, opts: BoundedReadOptions): BoundedFile {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    let dangling = false;
    try {
      dangling = lstatSync(path).isSymbolicLink();
    } catch {
      // no link either
    }
    throw statFailure(err, opts, path, dangling);
  }
  checkStat(st, path, opts);
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    throw statFailure(err, opts, path, false);
  }
  try {
    const fst = fstatSync(fd);
    checkStat(fst, path, opts);
    const buf = readBuffer(fst, opts);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got > opts.maxBytes) throw tooLong(path, opts);
      if (got === buf.length) break;
    }
    return readResult(buf, got, fst, path, opts);
  } finally {
    closeSync(fd);
  }
}

/**
 * The buffer both readers fill: the stat-ed size plus one byte, so a file that grew past its stat
 * (or a device that lies about its size) is caught by filling it, never read whole.
 */
function readBuffer(fst: Stats, opts: BoundedReadOptions): Buffer {
  return Buffer.allocUnsafe(Math.min(opts.maxBytes, fst.size) + 1);
}

/** The bytes read (a copy of exactly `got` bytes), refused when they overran the stat-ed size. */
function readResult(buf: Buffer, got: number, fst: Stats, path: string, opts: BoundedReadOptions): BoundedFile {
  if (got === buf.length && got > fst.size) throw tooLong(path, opts);
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, got).slice(), mtime: fst.mtime.getTime(), mode: fst.mode };
}

/** Reads `path` (symlinks followed) within the limits. */
export async function readBounded(path: string, opts: BoundedReadOptions): Promise<BoundedFile> {
  let st: Stats;
  try {
    st = await stat(path);
  } catch (err) {
    const dangling = await lstat(path).then(
      (l) => l.isSymbolicLink(),
      () => false,
    );
    throw statFailure(err, opts, path, dangling);
  }
  checkStat(st, path, opts);
  let fh;
  try {
    fh = await open(path, FLAGS);
  } catch (err) {
    throw statFailure(err, opts, path, false);
  }
  try {
    const fst = await fh.stat();
    checkStat(fst, path, opts);
    const buf = readBuffer(fst, opts);
    let got = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, null);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > opts.maxBytes) throw tooLong(path, opts);
      if (got === buf.length) break;
    }
    return readResult(buf, got, fst, path, opts);
  } finally {
    await fh.close();
  }
}
