// Browser end-to-end tests: package the VSIX, install it into a fresh VS Code server, drive the
// workbench in Debian's Chromium with Playwright. Screenshots land in test-results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServer, ROOT } from './lib/vscode-server.mjs';

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureServer();
run('npm', ['run', '--silent', 'package']);
run(process.execPath, ['esbuild.mjs', '--tests', '--out=out-e2e']);
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
// One retry per test, as Playwright's own runner does on CI: the workbench is a real VS Code on a
// shared 2-core machine, and focus and timing races in it are not our product's. A test that needed
// its retry is listed by the reporter before the closing line; one that fails twice fails the run.
run(
  process.execPath,
  [
    'node_modules/mocha/bin/mocha.js',
    '--reporter',
    'test/support/summary-reporter.cjs',
    '--timeout',
    '180000',
    '--retries',
    '1',
    'out-e2e/test/e2e/**/*.test.js',
    ...process.argv.slice(2),
  ],
  { SPRITEPAL_TEST_LAYER: 'e2e', SPRITEPAL_VSIX: join(ROOT, 'dist', 'spritepal.vsix') },
);
