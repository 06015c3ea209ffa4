// The real VS Code server (from the code-server npm package) and Debian's Chromium, installed and
// started the way ../shared/docs/vscode-offline-testing.md describes. Used by `npm start` (the main
// job), the extension-host integration tests and the browser end-to-end tests.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDebianPackages } from './debian.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_DIR = join(ROOT, '.vscode-test', 'server');
const SERVER_PKG = join(ROOT, 'scripts', 'vscode-server', 'package.json');
export const SERVER_MAIN = join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function log(msg) {
  process.stderr.write(`[vscode-server] ${msg}\n`);
}

/** Debian packages the server install and the browser need: chromium, ripgrep, libkrb5-dev. */
export function ensureDebianPackages() {
  installDebianPackages(
    [
      ['chromium', CHROMIUM],
      ['ripgrep', '/usr/bin/rg'],
      ['libkrb5-dev', '/usr/include/gssapi/gssapi.h'],
    ],
    { log },
  );
}

/** Installs the VS Code server into .vscode-test/server (git-ignored) unless it is already there. */
export function ensureServer() {
  const marker = join(SERVER_DIR, '.installed');
  const wanted = readFileSync(SERVER_PKG, 'utf8');
  if (existsSync(SERVER_MAIN) && existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return SERVER_MAIN;
  ensureDebianPackages();
  log('installing the VS Code server (code-server 4.100.3, about 45 s)...');
  mkdirSync(SERVER_DIR, { recursive: true });
  copyFileSync(SERVER_PKG, join(SERVER_DIR, 'package.json'));
  // @vscode/ripgrep's postinstall downloads ripgrep from GitHub: pre-seed its cache with Debian's rg.
  const tmp = process.env.TMPDIR || tmpdir();
  const cacheDir = join(tmp, 'vscode-ripgrep-cache-1.15.11');
  const tarball = join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!existsSync(tarball)) {
    mkdirSync(cacheDir, { recursive: true });
    const stage = mkdtempSync(join(tmp, 'rg-stage-'));
    copyFileSync('/usr/bin/rg', join(stage, 'rg'));
    execFileSync('tar', ['-C', stage, '-czf', tarball, 'rg']);
    rmSync(stage, { recursive: true, force: true });
  }
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // its postinstall refuses to run as root otherwise
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
  };
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--unsafe-perm'], { cwd: SERVER_DIR, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0 || !existsSync(SERVER_MAIN)) throw new Error(`installing the VS Code server failed (npm exit ${r.status})`);
  writeFileSync(marker, wanted);
  return SERVER_MAIN;
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** A fresh user-data dir with settings that keep the welcome page and telemetry away. */
export function freshProfile(base, settings = {}) {
  const userDataDir = join(base, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'security.workspace.trust.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  const extensionsDir = join(base, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  return { userDataDir, extensionsDir };
}

function serverEnv(base) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(base, 'xdg-config'),
    XDG_DATA_HOME: join(base, 'xdg-data'),
    EXTENSIONS_GALLERY: '{}',
    VSCODE_CLI_DISABLE_KEYCHAIN_ENCRYPT: '1',
  };
}

/** `--install-extension` a packaged VSIX into an extensions dir, offline. */
export function installVsix(vsix, { userDataDir, extensionsDir, base }) {
  const r = spawnSync(
    process.execPath,
    [SERVER_MAIN, '--accept-server-license-terms', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { env: serverEnv(base), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed: ${r.stderr || r.stdout}`);
}

/**
 * Starts a server on 127.0.0.1. Detached, so stop() can kill its whole process group (it leaves
 * file-watcher and extension-host children behind otherwise). It behaves like the VS Code users
 * run: `npm start` and the browser end-to-end tests serve exactly this. Only the extension-host
 * integration tests, where nobody is there to answer a dialog, ask for `smokeTestDriver` (VS Code
 * then refuses every modal dialog instead of waiting on it).
 */
export async function startServer({ base, userDataDir, extensionsDir, port, quiet = true, extraArgs = [], smokeTestDriver = false }) {
  port ??= await freePort();
  const args = [
    SERVER_MAIN,
    '--accept-server-license-terms',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []),
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...extraArgs,
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    env: serverEnv(base),
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error('the VS Code server exited during start-up');
    try {
      const res = await fetch(url + '/');
      if (res.status < 500) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      stopProcessGroup(child);
      throw new Error('the VS Code server did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    port,
    url,
    child,
    stop: () => stopProcessGroup(child),
  };
}

function stopProcessGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 2000).unref();
}

/** `vscode-remote://127.0.0.1:PORT/abs/path`: how the browser workbench names a file on the server. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

/** The workbench URL for a folder, optionally with a payload (openFile, extension development...). */
export function workbenchUrl(server, folder, payload) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  if (payload && payload.length) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
