/**
 * Raw tiles as a codec: planar tile data stored as it is. Not self-delimiting, so decoding needs
 * the block's `length` (a RangeError without it: a caller's mistake, not bad data); encoding is
 * the identity. Nothing to probe: the scanner finds raw tile regions by their content
 * (src/core/scan/raw.ts).
 */
import { CodecDecodeError, type Codec, type CodecDecodeOptions, type CodecStatus } from '../types';
import { checkEncode, checkSize } from '../shared/encode-checks';

const ID = 'raw';
const LEVELS = ['none'] as const;
/** The largest SNES ROM address space: a raw block is at most a whole ROM. */
const RAW_MAX = 0x1000000;

/** The block `src[start, start + length)` checked against the options: a failure, or its length. */
function block(src: Uint8Array, start: number, opts: CodecDecodeOptions | undefined): CodecStatus {
  const length = opts?.length;
  if (length === undefined) throw new RangeError('raw tiles do not say where they end: pass the block length (opts.length)');
  const max = opts?.maxOutput ?? RAW_MAX;
  if (!Number.isInteger(max) || max < 1 || max > RAW_MAX) throw new RangeError(`maxOutput must be 1..${RAW_MAX}, got ${max}`);
  if (!Number.isInteger(start) || start < 0) throw new RangeError(`start must be a non-negative integer, got ${start}`);
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`length must be a non-negative integer, got ${length}`);
  if (length === 0) return { ok: false, reason: 'empty', offset: start };
  if (length > max) return { ok: false, reason: 'overflow', offset: start };
  if (start + length > src.length) return { ok: false, reason: 'truncated', offset: src.length };
  return { ok: true, size: length, consumed: length };
}

export const rawCodec: Codec = {
  id: ID,
  name: 'Raw tiles (uncompressed)',
  usedBy: ['SNES games with uncompressed graphics', 'SNES homebrew'],
  version: 'raw-1',
  maxOutput: RAW_MAX,
  selfDelimiting: false,
  levels: LEVELS,
  defaultLevel: 'none',
  decodeInto(src, start, out, opts) {
    const st = block(src, start, opts);
    if (!st.ok) return st;
    if (out.length < st.size) throw new RangeError(`output buffer holds ${out.length} bytes, needs ${st.size}`);
    out.set(src.subarray(start, start + st.size));
    return st;
  },
  decode(src, start = 0, opts) {
    const st = block(src, start, opts);
    if (!st.ok) throw new CodecDecodeError(ID, st.offset, st.reason, `${opts?.length} bytes from ${start}`);
    return { data: src.slice(start, start + st.size), consumed: st.size };
  },
  encode(data, opts) {
    const level = checkEncode({ id: ID, levels: LEVELS, maxInput: RAW_MAX }, data, opts);
    return checkSize(ID, data.slice(), opts, level);
  },
};
