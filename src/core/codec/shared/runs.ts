/**
 * Run lengths the fills of the Lunar family need beyond src/core/hal/runs.ts (byte and increasing
 * runs, which are shared as they are).
 */

/**
 * r[i]: how many bytes from i follow the period-2 pattern in[i], in[i+1], in[i], ... (what a word
 * fill counting bytes writes): 1 at the last byte, 2 where the pattern breaks at once.
 */
export function periodTwoRuns(input: Uint8Array): Int32Array {
  const n = input.length;
  const r = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) r[i] = i + 2 >= n ? n - i : input[i] === input[i + 2] ? r[i + 1]! + 1 : 2;
  return r;
}
