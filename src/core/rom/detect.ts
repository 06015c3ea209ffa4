/**
 * Finding the internal header by scoring every candidate base, as emulators do, never by taking
 * the first one whose checksum pair adds up. Costs the same for any ROM size (no checksum pass).
 */
import { HEADER_BASES, HEADER_SIZE, readHeaderFields, titlePrintable, type HeaderFields } from './header';
import type { Mapping } from './mapping';
import { hex } from '../format';

export interface CandidateScore {
  base: number;
  layout: 'lorom' | 'hirom' | 'exhirom';
  score: number;
  evidence: string[];
}

export interface Detection {
  mapping: Mapping;
  headerOffset: number | null;
  fields: HeaderFields | null;
  candidates: CandidateScore[];
  evidence: string[];
}

/** First instructions a RESET handler plausibly starts with. */
const RESET_OPCODES = new Map<number, string>([
  [0x78, 'SEI'],
  [0x18, 'CLC'],
  [0xe2, 'SEP'],
  [0xc2, 'REP'],
  [0x5c, 'JML'],
  [0x4c, 'JMP'],
  [0x9c, 'STZ'],
  [0xa9, 'LDA #'],
  [0x20, 'JSR'],
  [0x22, 'JSL'],
  [0xfb, 'XCE'],
  [0xd8, 'CLD'],
  [0x8b, 'PHB'],
  [0xa2, 'LDX #'],
]);

/** Above this a candidate is convincing; below, the mapping is reported as unknown. */
export const CONVINCING_SCORE = 9;

function resetOffset(layout: CandidateScore['layout'], vector: number, size: number): number | null {
  if (vector < 0x8000) return null;
  let off: number;
  if (layout === 'lorom') off = vector - 0x8000;
  else if (layout === 'hirom') off = vector;
  else off = 0x400000 + vector;
  return off < size ? off : null;
}

function scoreCandidate(data: Uint8Array, layout: CandidateScore['layout']): CandidateScore | null {
  const base = HEADER_BASES[layout];
  if (base + HEADER_SIZE > data.length) return null;
  const f = readHeaderFields(data, base);
  const ev: string[] = [];
  let score = 0;

  if ((f.checksum ^ f.complement) === 0xffff) {
    score += 4;
    ev.push(`checksum ${hex(f.checksum, 4)} and complement ${hex(f.complement, 4)} add up to 0xFFFF`);
  } else ev.push(`checksum ${hex(f.checksum, 4)} and complement ${hex(f.complement, 4)} do not add up`);

  const low = f.mapMode & 0x0f;
  const agrees = layout === 'lorom' ? low === 0 || low === 2 || low === 3 : layout === 'hirom' ? low === 1 || low === 5 || low === 0xa : low === 5;
  if ((f.mapMode & 0xe0) === 0x20) {
    score += 1;
    if (agrees) {
      score += 3;
      ev.push(`map mode ${hex(f.mapMode, 2)} agrees with a header at ${hex(base, 6)}`);
    } else ev.push(`map mode ${hex(f.mapMode, 2)} does not agree with a header at ${hex(base, 6)}`);
  } else ev.push(`map mode ${hex(f.mapMode, 2)} is not a valid map mode`);

  if (titlePrintable(data.subarray(base, base + 21))) {
    score += 2;
    ev.push(`title "${f.title}" is printable`);
  } else ev.push('title is not printable');

  const declared = 1024 * 2 ** f.romSizeCode;
  if (f.romSizeCode >= 0x07 && f.romSizeCode <= 0x0e) {
    score += 1;
    if (declared >= data.length && declared < data.length * 2) {
      score += 2;
      ev.push(`ROM size byte ${hex(f.romSizeCode, 2)} (${declared / 1024} KiB) agrees with the file size`);
    } else ev.push(`ROM size byte ${hex(f.romSizeCode, 2)} (${declared / 1024} KiB) does not agree with the file size (${data.length} bytes)`);
  } else ev.push(`ROM size byte ${hex(f.romSizeCode, 2)} is implausible`);

  if (f.ramSizeCode <= 0x08) score += 1;
  if (f.region <= 0x14) score += 1;

  const resetAt = resetOffset(layout, f.resetVector, data.length);
  if (f.resetVector >= 0x8000) {
    score += 2;
    const op = resetAt === null ? undefined : RESET_OPCODES.get(data[resetAt]!);
    if (op) {
      score += 2;
      ev.push(`RESET vector ${hex(f.resetVector, 4)} starts with ${op}`);
    } else ev.push(`RESET vector ${hex(f.resetVector, 4)} does not start with a typical first instruction`);
  } else ev.push(`RESET vector ${hex(f.resetVector, 4)} is below 0x8000`);

  return { base, layout, score, evidence: ev };
}

export function detectHeader(data: Uint8Array): Detection {
  const candidates: CandidateScore[] = [];
  for (const layout of ['lorom', 'hirom', 'exhirom'] as const) {
    if (layout === 'exhirom' && data.length <= 0x400000) continue;
    const c = scoreCandidate(data, layout);
    if (c) candidates.push(c);
  }
  const best = candidates.reduce<CandidateScore | null>((a, c) => (a === null || c.score > a.score ? c : a), null);
  if (!best || best.score < CONVINCING_SCORE) {
    const why = best
      ? `no convincing internal header: the best candidate, at ${hex(best.base, 1)}, scores ${best.score} (needs ${CONVINCING_SCORE})`
      : 'the file is too small to hold an internal header';
    return { mapping: 'unknown', headerOffset: null, fields: null, candidates, evidence: [why, ...(best?.evidence ?? [])] };
  }
  const fields = readHeaderFields(data, best.base);
  let mapping: Mapping;
  const evidence = [`header at ${hex(best.base, 1)} scores ${best.score}`, ...best.evidence];
  if (best.layout === 'exhirom') mapping = 'exhirom';
  else if (best.layout === 'hirom') mapping = 'hirom';
  else if ((fields.mapMode & 0x0f) === 0x3 || (fields.chipset >= 0x33 && fields.chipset <= 0x35)) {
    mapping = 'sa1';
    evidence.push('map mode / chipset name the SA-1');
  } else if (data.length > 0x400000) {
    mapping = 'exlorom';
    evidence.push('a LoROM header in a file over 4 MiB: ExLoROM');
  } else mapping = 'lorom';
  for (const other of candidates) {
    if (other !== best) evidence.push(`other candidate at ${hex(other.base, 1)} scores ${other.score}`);
  }
  return { mapping, headerOffset: best.base, fields, candidates, evidence };
}
