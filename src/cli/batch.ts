/**
 * Batches: one process does many items (every block of a ROM, every file of a folder). Each item
 * runs on its own: one that fails is reported (a line on stderr, an `error` in the JSON) and the
 * others still complete; the exit code is non-zero at the end when any failed. Without --json,
 * one line per item on stdout as it finishes; with --json, one array once all have run.
 */
import { printJson, type CliIO } from './command';

export interface BatchItem<R> {
  /** How the item is named in its failure line (e.g. `0x010000` or a file name). */
  label: string;
  /** Extra fields of the item's JSON entry when it fails (e.g. its offset). */
  failure?: Record<string, unknown>;
  run(): R | Promise<R>;
}

export interface BatchOptions<R> {
  json: boolean;
  /** The item's line without --json. */
  line(result: R): string;
  /** The item's entry in the --json array. */
  toJson(result: R): Record<string, unknown>;
  /** What one item is called in the closing failure count, e.g. "block". */
  noun: string;
}

/** Runs every item in order; returns the exit code (0 when all succeeded, 1 otherwise). */
export async function runBatch<R>(io: CliIO, command: string, items: BatchItem<R>[], opts: BatchOptions<R>): Promise<number> {
  const entries: Record<string, unknown>[] = [];
  let failed = 0;
  for (const item of items) {
    try {
      const result = await item.run();
      if (opts.json) entries.push(opts.toJson(result));
      else io.stdout(opts.line(result) + '\n');
    } catch (err) {
      failed++;
      const message = err instanceof Error ? err.message : String(err);
      io.stderr(`spritepal ${command}: ${item.label}: ${message}\n`);
      if (opts.json) entries.push({ ...item.failure, error: message });
    }
  }
  if (opts.json) printJson(io, entries);
  if (failed > 0) {
    io.stderr(`spritepal ${command}: ${failed} of ${items.length} ${opts.noun}${items.length === 1 ? '' : 's'} failed; the others were written\n`);
    return 1;
  }
  return 0;
}
