/**
 * The `lz4` command-line tool (Debian package lz4; the unit test script installs it) as a reference:
 * decoding a frame (`lz4 -d`), compressing (`lz4 -12`, `lz4 -9`, any flags) and its own benchmark
 * figure (`lz4 -b`). Used by the LZ4 bench group and the LZ4 unit tests; absent, callers skip.
 */
import { spawnSync } from 'node:child_process';

let available: boolean | null = null;

/** Whether `lz4` runs here. */
export function hasLz4Cli(): boolean {
  available ??= spawnSync('lz4', ['--version'], { encoding: 'utf8' }).status === 0;
  return available;
}

export interface Lz4CliResult {
  ok: boolean;
  data: Uint8Array;
  stderr: string;
}

/** Runs `lz4 <args>` with `input` on stdin and the output on stdout (`-c`). */
export function runLz4(args: string[], input: Uint8Array): Lz4CliResult {
  const r = spawnSync('lz4', [...args, '-c'], { input, maxBuffer: 64 << 20 });
  return { ok: r.status === 0, data: new Uint8Array(r.stdout ?? []), stderr: String(r.stderr ?? '') };
}

/** `lz4 -d` of one buffer: the decoded bytes, or null when lz4 refuses it. */
export function lz4CliDecode(frame: Uint8Array): Uint8Array | null {
  const r = runLz4(['-d'], frame);
  return r.ok ? r.data : null;
}

/** `lz4 <flags>` of one buffer (e.g. ['-12'] or ['-9', '--no-frame-crc', '-BD']). */
export function lz4CliEncode(data: Uint8Array, flags: string[]): Uint8Array {
  const r = runLz4(['-z', ...flags], data);
  if (!r.ok) throw new Error(`lz4 ${flags.join(' ')} failed: ${r.stderr}`);
  return r.data;
}

/**
 * `lz4 -b<level> -i<seconds> <file>`: the CLI's own compression and decompression speeds in MB/s
 * (its benchmark decodes LZ4 blocks in memory, without frames or checksums), or null.
 */
export function lz4CliBench(file: string, level: number, seconds: number): { compressMBps: number; decompressMBps: number; size: number } | null {
  const r = spawnSync('lz4', [`-b${level}`, `-e${level}`, `-i${seconds}`, file], { encoding: 'utf8' });
  const text = `${r.stdout}\n${r.stderr}`;
  const all = [...text.matchAll(/->\s+(\d+)\s+\([\d.]+\),\s*([\d.]+) MB\/s ,\s*([\d.]+) MB\/s/g)];
  const last = all[all.length - 1];
  if (r.status !== 0 || !last) return null;
  return { size: Number(last[1]), compressMBps: Number(last[2]), decompressMBps: Number(last[3]) };
}
