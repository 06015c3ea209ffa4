/** Run lengths at every position, computed right to left in one pass each (format doc §5 A). */

/** run8[i]: how many bytes from i equal in[i]. */
export function byteRuns(input: Uint8Array): Int32Array {
  const n = input.length;
  const r = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) r[i] = i + 1 < n && input[i + 1] === input[i] ? r[i + 1]! + 1 : 1;
  return r;
}

/** words[i]: how many complete 16-bit words from i equal (in[i], in[i+1]) (0 at the last byte). */
export function wordRuns(input: Uint8Array): Int32Array {
  const n = input.length;
  // p2[y]: consecutive y' >= y with y' + 2 < n and in[y'] == in[y' + 2]
  const p2 = new Int32Array(n + 1);
  for (let y = n - 3; y >= 0; y--) p2[y] = input[y] === input[y + 2] ? p2[y + 1]! + 1 : 0;
  const w = new Int32Array(n);
  for (let i = 0; i + 1 < n; i++) w[i] = 1 + (p2[i]! >> 1);
  return w;
}

/**
 * inc[i]: how many bytes from i continue in[i], in[i]+1, ... With `wrap` false the values are
 * compared as plain integers (inhal never crosses FF -> 00); with `wrap` true modulo 256, as the
 * decoder writes them.
 */
export function increasingRuns(input: Uint8Array, wrap: boolean): Int32Array {
  const n = input.length;
  const r = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const next = wrap ? (input[i]! + 1) & 0xff : input[i]! + 1;
    r[i] = i + 1 < n && input[i + 1] === next ? r[i + 1]! + 1 : 1;
  }
  return r;
}
