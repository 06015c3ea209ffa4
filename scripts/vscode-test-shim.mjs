#!/usr/bin/env node
// A stand-in for a VS Code executable that @vscode/test-electron's runTests() can launch: it takes
// the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=, a folder, and Electron
// flags it ignores), starts the real VS Code server, opens the workbench in Debian's Chromium as
// an Extension Development Host, and exits with the code the tests report through
// window.codeAutomationExit. See ../shared/docs/vscode-offline-testing.md.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { freshProfile, launchChromium, remoteUri, startServer, workbenchUrl } from './lib/vscode-server.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const devPath = flag('extensionDevelopmentPath');
const testsPath = flag('extensionTestsPath');
const folder = args.find((a) => !a.startsWith('-'));
if (!devPath || !testsPath) {
  console.error('vscode-test-shim: needs --extensionDevelopmentPath= and --extensionTestsPath=');
  process.exit(2);
}
const timeoutMs = Number(process.env.SPRITEPAL_VSCODE_TEST_TIMEOUT_MS || 10 * 60_000);

const base = mkdtempSync(join(tmpdir(), 'spritepal-vscode-'));
// The settings users have: auto-save stays at the web workbench's default ('afterDelay', 1 s), so
// every edit a test makes is written about a second later, as it is for a user. Tests that must
// also hold with auto-save off turn it off for themselves (workspace setting) and back.
const profile = freshProfile(base, { 'spritepal.test.mode': true });
const workspace = folder ? resolve(folder) : join(base, 'workspace');
mkdirSync(workspace, { recursive: true });
let server;
let browser;
let code = 1;
try {
  // Headless extension-host tests: a modal dialog nobody answers must fail, not hang (see startServer).
  server = await startServer({ base, ...profile, smokeTestDriver: true });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (c) => resolveExit(Number(c)));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    // The workbench forwards console calls unformatted (mocha's reporters use printf-style %s / %d).
    const text = Array.isArray(logArgs) ? format(...logArgs) : String(logArgs);
    (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
  });
  const url = workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', remoteUri(server.port, resolve(devPath))],
    ['extensionTestsPath', remoteUri(server.port, resolve(testsPath))],
  ]);
  await page.goto(url);
  const timer = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  const result = await Promise.race([exited, timer]);
  if (result === 'timeout') {
    console.error(`vscode-test-shim: the tests did not finish within ${timeoutMs / 1000} s`);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'integration-timeout.png') }).catch(() => {});
    code = 1;
  } else code = result;
} catch (err) {
  console.error(`vscode-test-shim: ${err?.stack ?? err}`);
  code = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(base, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(code);
