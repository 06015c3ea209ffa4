/**
 * Suffix array by induced sorting (SA-IS, Nong-Zhang-Chan; the structure follows the AtCoder
 * Library's sa_is), linear time, plus the LCP array (Kasai). Used by the match finder over
 * `input | bitreverse(input) | reverse(input)` with unique separators.
 */

/** Suffix array of `s` (values 0..upper). */
export function suffixArray(s: Int32Array, upper: number): Int32Array {
  const n = s.length;
  if (n === 0) return new Int32Array(0);
  if (n < 12) return naive(s);
  const sa = new Int32Array(n);
  const ls = new Uint8Array(n); // 1 = S-type
  for (let i = n - 2; i >= 0; i--) ls[i] = s[i] === s[i + 1] ? ls[i + 1]! : s[i]! < s[i + 1]! ? 1 : 0;
  const sumL = new Int32Array(upper + 2);
  const sumS = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) {
    if (!ls[i]) sumS[s[i]!]!++;
    else sumL[s[i]! + 1]!++;
  }
  for (let i = 0; i <= upper; i++) {
    sumS[i]! += sumL[i]!;
    if (i < upper) sumL[i + 1]! += sumS[i]!;
  }
  const buf = new Int32Array(upper + 2);
  const lmsMap = new Int32Array(n + 1).fill(-1);
  let m = 0;
  for (let i = 1; i < n; i++) if (!ls[i - 1] && ls[i]) lmsMap[i] = m++;
  const lms = new Int32Array(m);
  for (let i = 1, t = 0; i < n; i++) if (!ls[i - 1] && ls[i]) lms[t++] = i;
  induce(s, sa, ls, sumS, sumL, buf, lms, m);

  if (m) {
    const sorted = new Int32Array(m);
    for (let i = 0, t = 0; i < n; i++) {
      const v = sa[i]!;
      if (lmsMap[v] !== -1) sorted[t++] = v;
    }
    const rec = new Int32Array(m);
    let recUpper = 0;
    rec[lmsMap[sorted[0]!]!] = 0;
    for (let i = 1; i < m; i++) {
      let l = sorted[i - 1]!;
      let r = sorted[i]!;
      const endL = lmsMap[l]! + 1 < m ? lms[lmsMap[l]! + 1]! : n;
      const endR = lmsMap[r]! + 1 < m ? lms[lmsMap[r]! + 1]! : n;
      let same = true;
      if (endL - l !== endR - r) same = false;
      else {
        while (l < endL && s[l] === s[r]) {
          l++;
          r++;
        }
        if (l === n || s[l] !== s[r]) same = false;
      }
      if (!same) recUpper++;
      rec[lmsMap[sorted[i]!]!] = recUpper;
    }
    const recSa = suffixArray(rec, recUpper);
    for (let i = 0; i < m; i++) sorted[i] = lms[recSa[i]!]!;
    induce(s, sa, ls, sumS, sumL, buf, sorted, m);
  }
  return sa;
}

/** Induced sorting from the LMS suffixes in `lms` (a plain function: closures slow V8 down here). */
function induce(s: Int32Array, sa: Int32Array, ls: Uint8Array, sumS: Int32Array, sumL: Int32Array, buf: Int32Array, lms: Int32Array, count: number): void {
  const n = s.length;
  sa.fill(-1);
  buf.set(sumS);
  for (let t = 0; t < count; t++) {
    const d = lms[t]!;
    if (d === n) continue;
    sa[buf[s[d]!]!++] = d;
  }
  buf.set(sumL);
  sa[buf[s[n - 1]!]!++] = n - 1;
  for (let i = 0; i < n; i++) {
    const v = sa[i]! - 1;
    if (v >= 0 && !ls[v]) sa[buf[s[v]!]!++] = v;
  }
  buf.set(sumL);
  for (let i = n - 1; i >= 0; i--) {
    const v = sa[i]! - 1;
    if (v >= 0 && ls[v]) sa[--buf[s[v]! + 1]!] = v;
  }
}

function naive(s: Int32Array): Int32Array {
  const n = s.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    while (a < n && b < n) {
      if (s[a] !== s[b]) return s[a]! - s[b]!;
      a++;
      b++;
    }
    return a === n ? -1 : 1; // a proper prefix (the suffix that ran out first) sorts first
  });
  return Int32Array.from(idx);
}

/** rank[SA[k]] = k. */
export function inverse(sa: Int32Array): Int32Array {
  const rank = new Int32Array(sa.length);
  for (let k = 0; k < sa.length; k++) rank[sa[k]!] = k;
  return rank;
}

/** lcp[k] = longest common prefix of the suffixes at ranks k-1 and k (lcp[0] = 0). Kasai et al. */
export function lcpArray(s: Int32Array, sa: Int32Array, rank: Int32Array): Int32Array {
  const n = s.length;
  const lcp = new Int32Array(n);
  let h = 0;
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    if (r === 0) {
      h = 0;
      continue;
    }
    const j = sa[r - 1]!;
    while (i + h < n && j + h < n && s[i + h] === s[j + h]) h++;
    lcp[r] = h;
    if (h > 0) h--;
  }
  return lcp;
}
