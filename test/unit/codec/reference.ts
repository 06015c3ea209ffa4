/**
 * Plain, byte-by-byte versions of what the codecs do, written from the format descriptions
 * (src/core/codec/lc-lz2/decode.ts, lc-lz3/decode.ts, gba-lz77/format.ts) with no speed tricks:
 * the fast loops and the optimal encoders are checked against them.
 */
import { BITREV } from '../../../src/core/codec/shared/bytes';

export type RefResult = { ok: true; data: number[]; consumed: number } | { ok: false; offset: number };

/** LC_LZ2 (lz3 false) or LC_LZ3, strict, no output limit but 64 KiB. */
export function refLunarDecode(src: Uint8Array, start: number, lz3: boolean, strict = true): RefResult {
  const out: number[] = [];
  let ip = start;
  const need = (k: number) => ip + k <= src.length;
  for (;;) {
    const at = ip;
    if (!need(1)) return { ok: false, offset: at };
    const b = src[ip++]!;
    if (b === 0xff) return out.length ? { ok: true, data: out, consumed: ip - start } : { ok: false, offset: at };
    let cmd = b >> 5;
    let n = (b & 0x1f) + 1;
    if (cmd === 7) {
      if (!need(1)) return { ok: false, offset: at };
      cmd = (b >> 2) & 7;
      n = ((b & 3) << 8) + src[ip++]! + 1;
      if (cmd === 7) return { ok: false, offset: at };
    }
    if (out.length + n > 0x10000) return { ok: false, offset: at };
    if (!lz3 && cmd > 4) return { ok: false, offset: at };
    if (cmd === 0) {
      if (!need(n)) return { ok: false, offset: at };
      for (let k = 0; k < n; k++) out.push(src[ip++]!);
    } else if (cmd === 1 || (cmd === 3 && !lz3)) {
      if (!need(1)) return { ok: false, offset: at };
      const v = src[ip++]!;
      for (let k = 0; k < n; k++) out.push(cmd === 1 ? v : (v + k) & 0xff);
    } else if (cmd === 2) {
      if (!need(2)) return { ok: false, offset: at };
      const a = src[ip++]!;
      const c = src[ip++]!;
      for (let k = 0; k < n; k++) out.push(k % 2 ? c : a);
    } else if (cmd === 3) {
      for (let k = 0; k < n; k++) out.push(0);
    } else {
      let s: number;
      if (!lz3) {
        if (!need(2)) return { ok: false, offset: at };
        s = (src[ip]! << 8) | src[ip + 1]!;
        ip += 2;
      } else {
        if (!need(1)) return { ok: false, offset: at };
        const x = src[ip++]!;
        if (x & 0x80) s = out.length - (x & 0x7f) - 1;
        else {
          if (!need(1)) return { ok: false, offset: at };
          s = (x << 8) | src[ip++]!;
        }
        if (s < 0 || (cmd === 6 && s - n + 1 < 0)) return { ok: false, offset: at };
      }
      const o = out.length;
      if (s >= o && strict) return { ok: false, offset: at };
      for (let k = 0; k < n; k++) {
        const from = cmd === 6 ? s - k : s + k;
        const v = from < out.length ? out[from]! : 0; // not written yet: 0 by rule (lenient)
        out.push(cmd === 5 ? BITREV[v]! : v);
      }
    }
  }
}

/** GBA LZ77, strict (a match past the size fails). */
export function refGbaDecode(src: Uint8Array, start: number): RefResult {
  if (start + 4 > src.length || src[start] !== 0x10) return { ok: false, offset: start };
  const size = src[start + 1]! | (src[start + 2]! << 8) | (src[start + 3]! << 16);
  if (size === 0 || size > 0x10000) return { ok: false, offset: start + 1 };
  const out: number[] = [];
  let ip = start + 4;
  while (out.length < size) {
    if (ip >= src.length) return { ok: false, offset: ip };
    const flags = src[ip++]!;
    for (let bit = 7; bit >= 0 && out.length < size; bit--) {
      if (!((flags >> bit) & 1)) {
        if (ip >= src.length) return { ok: false, offset: ip };
        out.push(src[ip++]!);
        continue;
      }
      const at = ip;
      if (ip + 2 > src.length) return { ok: false, offset: at };
      const n = (src[ip]! >> 4) + 3;
      const d = ((src[ip]! & 15) << 8) + src[ip + 1]! + 1;
      ip += 2;
      if (d > out.length || out.length + n > size) return { ok: false, offset: at };
      for (let k = 0; k < n; k++) out.push(out[out.length - d]!);
    }
  }
  return { ok: true, data: out, consumed: ip - start };
}

/** Header bytes of a Lunar command of count n. */
const h = (n: number) => (n <= 32 ? 1 : 2);

/**
 * The smallest LC_LZ2/LC_LZ3 stream for `input` by brute force (every command, count and source
 * at every position): for small inputs, to check the optimal encoders. Terminator included.
 */
export function refLunarOptimalSize(input: Uint8Array, lz3: boolean): number {
  const n = input.length;
  const cost = new Array<number>(n + 1).fill(Infinity);
  cost[n] = 0;
  const run = (i: number, f: (k: number) => number) => {
    let k = 0;
    while (i + k < n && k < 1024 && input[i + k] === f(k)) k++;
    return k;
  };
  for (let i = n - 1; i >= 0; i--) {
    const offer = (len: number, extra: number) => {
      for (let k = 1; k <= len; k++) cost[i] = Math.min(cost[i]!, h(k) + extra + cost[i + k]!);
    };
    for (let k = 1; k <= Math.min(1024, n - i); k++) cost[i] = Math.min(cost[i]!, h(k) + k + cost[i + k]!);
    const v = input[i]!;
    const w = input[i + 1];
    if (lz3 && v === 0)
      offer(
        run(i, () => 0),
        0,
      );
    else
      offer(
        run(i, () => v),
        1,
      );
    if (w !== undefined)
      offer(
        run(i, (k) => (k % 2 ? w : v)),
        2,
      );
    if (!lz3)
      offer(
        run(i, (k) => (v + k) & 0xff),
        1,
      );
    for (let s = 0; s < i; s++) {
      const kinds = lz3 ? [4, 5, 6] : [4];
      for (const kind of kinds) {
        const len = run(i, (k) => (kind === 6 ? (s - k >= 0 ? input[s - k]! : -1) : kind === 5 ? BITREV[input[s + k]!]! : input[s + k]!));
        if (!lz3) {
          if (len >= 3) offer(len, 2);
        } else {
          if (i - s <= 128 && len >= 2) offer(len, 1);
          if (s < 0x8000 && len >= 3) offer(len, 2);
        }
      }
    }
  }
  return cost[0]! + 1;
}

/** The smallest VRAM-safe GBA LZ77 stream for `input` by brute force (flag bytes counted per 8 items). */
export function refGbaOptimalSize(input: Uint8Array): number {
  const n = input.length;
  // best[i][k]: bytes for input[0..i) with k items so far mod 8
  const best = Array.from({ length: n + 1 }, () => new Array<number>(8).fill(Infinity));
  best[0]![0] = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 8; k++) {
      const c = best[i]![k]!;
      if (c === Infinity) continue;
      const base = c + (k === 0 ? 1 : 0);
      const next = (k + 1) % 8;
      best[i + 1]![next] = Math.min(best[i + 1]![next]!, base + 1);
      for (let d = 2; d <= Math.min(4096, i); d++) {
        let len = 0;
        while (len < 18 && i + len < n && input[i + len] === input[i + len - d]) len++;
        for (let l = 3; l <= len; l++) best[i + l]![next] = Math.min(best[i + l]![next]!, base + 2);
      }
    }
  }
  return 4 + Math.min(...best[n]!);
}
