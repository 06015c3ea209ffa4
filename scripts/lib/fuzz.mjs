// What the fuzz scripts share: `--name=value` arguments and a seeded xorshift generator.
export const arg = (name, def) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;

/** A seeded generator: `rnd()` a 32-bit unsigned, `pick(n)` one of 0..n-1. */
export function seeded(seed) {
  let s = Number(seed) | 0 || 1;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  return { rnd, pick: (n) => rnd() % n };
}
