// Extension-host integration tests: the compiled test index runs inside the real VS Code server's
// extension host (through @vscode/test-electron's runTests and scripts/vscode-test-shim.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureServer, ROOT } from './lib/vscode-server.mjs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensureServer();
run(process.execPath, ['esbuild.mjs']);
run(process.execPath, ['esbuild.mjs', '--tests', '--out=out-integration']);
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
const workspace = mkdtempSync(join(tmpdir(), 'spritepal-it-workspace-'));
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: join(ROOT, 'scripts', 'vscode-test-shim.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out-integration', 'test', 'integration', 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: {
      SPRITEPAL_TEST_LAYER: 'integration',
      ...(process.env.SPRITEPAL_TEST_GREP ? { SPRITEPAL_TEST_GREP: process.env.SPRITEPAL_TEST_GREP } : {}),
    },
  });
} catch (err) {
  console.error(`integration tests failed: ${err?.message ?? err}`);
  code = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
