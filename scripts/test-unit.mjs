// Unit tests: transpile src/ and test/ to out/ (esbuild.mjs --tests), then mocha under c8.
// Line coverage of src/core must stay at 90 % or more. Extra arguments go to mocha (e.g. --grep).
// Installs lz4 first when missing (root only; otherwise the tests that run it skip).
import { spawnSync } from 'node:child_process';
import { installDebianPackages, UNIT_PACKAGES } from './lib/debian.mjs';

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

installDebianPackages(UNIT_PACKAGES, { optional: true });
run(process.execPath, ['esbuild.mjs', '--tests']);
const extra = process.argv.slice(2);
run(
  process.execPath,
  [
    'node_modules/c8/bin/c8.js',
    // c8 filters by the executed file (out/...), then maps coverage back to src/ through the source maps.
    '--include=out/src/core/**',
    '--reporter=text-summary',
    '--reporter=lcov',
    '--report-dir=coverage',
    '--check-coverage',
    '--lines=90',
    process.execPath,
    'node_modules/mocha/bin/mocha.js',
    '--reporter',
    'test/support/summary-reporter.cjs',
    '--timeout',
    '60000',
    'out/test/unit/**/*.test.js',
    ...extra,
  ],
  { SPRITEPAL_TEST_LAYER: 'unit' },
);
