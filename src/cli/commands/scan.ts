import { basename } from 'node:path';
import { formatSnes, hex } from '../../core/format';
import { Rom } from '../../core/rom';
import { CONFIDENCES, DEFAULT_MIN_CONFIDENCE, DEFAULT_MIN_TILES, reportedHits, type Confidence, type ScanHit } from '../../core/scan';
import { intOpt, printJson, requirePositional, stringOpt, UsageError, type Command } from '../command';
import { readInputFile } from '../files';
import { AUTO_WORKERS_FROM, jobsOption, runScan } from '../scan-runner';

export const scanCommand: Command = {
  name: 'scan',
  help: `spritepal scan <rom> [--json] [--jobs n] [--min-tiles n] [--min-confidence pointer|strong|weak] [--include-raw]

Tries every offset of the ROM, rejects what cannot be a HAL stream, decodes the rest and scores
the result as SNES tiles. Each block is reported once, at its true start, with the bytes it
occupies (terminator included), its decompressed size, tile count and score (0..1).

  --json         an array sorted by offset: { offset, snes, consumed, size, tiles, score, kind,
                 confidence, reasons } (+ pointer when a table names it; offset is the on-disk
                 file offset, copier header included; snes "$BB:AAAA" or null)
  --min-confidence <c>  report hits at least this sure (default ${DEFAULT_MIN_CONFIDENCE}):
                 pointer  a pointer table in the ROM names the block's start
                 strong   the stream is built as an encoder builds one (enough commands, none
                          wasteful, mostly literals, copies and solid fills)
                 weak     also what speaks against being a block (too few commands, wasteful
                          commands, patterned fills: tables, samples, stripes)
  --jobs <n>     worker threads: auto (default: the main thread below ${AUTO_WORKERS_FROM >> 20} MiB, where
                 starting workers costs more than they save, else every core), or n (0: none)
  --min-tiles <n>  smallest block to report, in tiles (default ${DEFAULT_MIN_TILES})
  --include-raw  also report uncompressed tile regions (kind "raw", lower score); strong when 40+
                 distinct 16-byte units and no table's mark (small numbers, half-blank units,
                 sorted 16-bit words), else weak`,
  options: {
    json: { type: 'boolean' },
    jobs: { type: 'string' },
    'min-tiles': { type: 'string' },
    'min-confidence': { type: 'string' },
    'include-raw': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const file = readInputFile(io.cwd, requirePositional(args, 0, '<rom>'), 'ROM');
    const jobs = jobsOption(args);
    const minTiles = intOpt(args, 'min-tiles', 1, 4096) ?? DEFAULT_MIN_TILES;
    const minConfidence = confidenceOpt(stringOpt(args, 'min-confidence'));
    const json = Boolean(args.values.json);
    const rom = new Rom(file.bytes, basename(file.path));
    const showProgress = !json && io.stderrIsTTY;
    let state;
    try {
      ({ state } = await runScan(rom.data, {
        jobs,
        minTiles,
        mapping: rom.mapping,
        includeRaw: Boolean(args.values['include-raw']),
        onProgress: showProgress ? (done, total) => io.stderr(`\rScanning: ${Math.floor((100 * done) / total)} %`) : undefined,
      }));
    } finally {
      if (showProgress) io.stderr('\r\x1b[K');
    }
    const rows = reportedHits(state.hits, minConfidence).map((h) => toRow(rom, h));
    if (state.skipped)
      io.stderr(
        `warning: work budget spent: ${state.skipped} candidate offsets with long streams were not tried (nearly every offset of this ROM starts a valid stream)\n`,
      );
    if (json) {
      printJson(io, rows);
      return;
    }
    const hidden = state.hits.length - rows.length;
    io.stdout(
      formatRows(file.path, rows) +
        (hidden
          ? `(${hidden} less sure hit${hidden === 1 ? '' : 's'} not shown: --min-confidence ${CONFIDENCES[CONFIDENCES.indexOf(minConfidence) + 1]})\n`
          : ''),
    );
  },
};

function confidenceOpt(v: string | undefined): Confidence {
  if (v === undefined) return DEFAULT_MIN_CONFIDENCE;
  const c = CONFIDENCES.find((x) => x === v);
  if (c) return c;
  throw new UsageError(`--min-confidence must be one of ${CONFIDENCES.join(', ')}, got "${v}"`);
}

/** One row of `scan --json`. */
export interface ScanRow {
  offset: number;
  snes: string | null;
  consumed: number;
  size: number;
  tiles: number;
  score: number;
  kind: 'hal' | 'raw';
  /** On-disk offset of the pointer-table slot that names the block (only when one does). */
  pointer?: number;
  confidence: Confidence;
  /** The evidence behind `confidence`: short phrases. */
  reasons: string[];
}

function toRow(rom: Rom, h: ScanHit): ScanRow {
  const row: ScanRow = {
    offset: rom.fileOffsetOf(h.romOffset),
    snes: formatSnes(rom.snesOf(h.romOffset)),
    consumed: h.consumed,
    size: h.size,
    tiles: h.tiles,
    score: h.score,
    kind: h.kind,
    confidence: h.confidence,
    reasons: h.reasons,
  };
  if (h.pointer !== undefined) row.pointer = rom.fileOffsetOf(h.pointer);
  return row;
}

function formatRows(path: string, rows: ScanRow[]): string {
  const lines = [`${rows.length} block${rows.length === 1 ? '' : 's'} in ${path}`];
  if (rows.length)
    lines.push(
      `  ${'offset'.padEnd(10)} ${'snes'.padEnd(9)} ${'kind'.padEnd(4)} ${'consumed'.padStart(8)} ${'size'.padStart(6)} ${'tiles'.padStart(5)}  score  ${'confidence'.padEnd(10)} pointer`,
    );
  for (const r of rows) {
    lines.push(
      `  ${hex(r.offset).padEnd(10)} ${(r.snes ?? '-').padEnd(9)} ${r.kind.padEnd(4)} ${String(r.consumed).padStart(8)} ${String(r.size).padStart(6)} ${String(r.tiles).padStart(5)}  ${r.score.toFixed(3)}  ${r.confidence.padEnd(10)} ${r.pointer === undefined ? '' : hex(r.pointer)}`.trimEnd(),
    );
  }
  return lines.join('\n') + '\n';
}
