/**
 * A plain HAL decoder written straight from the format document (§3 table, §4 checks), byte by
 * byte into a fresh zeroed 64 KiB buffer as exhal does: the oracle the tuned decoder
 * (src/core/hal/decode-loop.ts) is compared with. No views, no builtins, no shortcuts; the checks
 * run in the order the document lists them, so the reason and offset of a failure must agree too.
 */
import type { DecodeStatus } from '../../../src/core/hal';
import { bitrev8 } from './helpers';

export interface ReferenceResult {
  status: DecodeStatus;
  /** The output written (the first `size` bytes matter when ok). */
  out: Uint8Array;
}

export function referenceDecode(src: Uint8Array, start = 0, opts: { strict?: boolean; maxOutput?: number } = {}): ReferenceResult {
  const max = opts.maxOutput ?? 0x10000;
  const out = new Uint8Array(0x10000);
  const done = (status: DecodeStatus): ReferenceResult => ({ status, out });
  const fail = (reason: Extract<DecodeStatus, { ok: false }>['reason'], offset: number) => done({ ok: false, reason, offset });
  let ip = start;
  let o = 0;
  for (;;) {
    if (ip >= src.length) return fail('truncated', ip);
    const at = ip;
    const b = src[ip++]!;
    if (b === 0xff) return o === 0 ? fail('empty', at) : done({ ok: true, size: o, consumed: ip - start });
    let cmd: number;
    let n: number;
    if ((b & 0xe0) === 0xe0) {
      if (ip >= src.length) return fail('truncated', at);
      cmd = (b >> 2) & 7;
      n = (((b & 3) << 8) | src[ip++]!) + 1;
    } else {
      cmd = b >> 5;
      n = (b & 0x1f) + 1;
    }
    const written = cmd === 2 ? 2 * n : n;
    if (o + written > max) return fail('overflow', at);
    const operand = cmd === 0 ? n : cmd === 1 || cmd === 3 ? 1 : 2;
    if (ip + operand > src.length) return fail('truncated', at);
    if (cmd === 0) {
      for (let k = 0; k < n; k++) out[o++] = src[ip++]!;
    } else if (cmd === 1) {
      const v = src[ip++]!;
      for (let k = 0; k < n; k++) out[o++] = v;
    } else if (cmd === 2) {
      const a = src[ip++]!;
      const c = src[ip++]!;
      for (let k = 0; k < n; k++) {
        out[o++] = a;
        out[o++] = c;
      }
    } else if (cmd === 3) {
      const v = src[ip++]!;
      for (let k = 0; k < n; k++) out[o++] = (v + k) & 0xff;
    } else {
      const off = (src[ip]! << 8) | src[ip + 1]!;
      ip += 2;
      if (cmd === 6 && off < n - 1) return fail('copy-before-start', at);
      if (cmd !== 6 && off + n > 0x10000) return fail('copy-past-end', at);
      if (opts.strict && off >= o) return fail('unwritten-source', at);
      for (let k = 0; k < n; k++) {
        if (cmd === 6) out[o++] = out[off - k]!;
        else if (cmd === 5) out[o++] = bitrev8(out[off + k]!);
        else out[o++] = out[off + k]!;
      }
    }
  }
}
