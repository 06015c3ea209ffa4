// `npm start`, the main job: build and package the extension, install it into the real VS Code
// server (installing the server, Chromium's dependencies excepted, when missing), generate the
// demo ROM into a workspace, and serve VS Code on 127.0.0.1 with the demo ROM open.
// PORT=<n> picks the port (default 8080). Stop with Ctrl+C.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServer, freshProfile, installVsix, ROOT, startServer, workbenchUrl } from './lib/vscode-server.mjs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

ensureServer();
console.log('building and packaging the extension...');
run('npm', ['run', '--silent', 'package']);
const base = join(ROOT, '.demo');
const workspace = join(base, 'workspace');
mkdirSync(workspace, { recursive: true });
const demoRom = join(workspace, 'spritepal-demo.sfc');
// With the dumps of a scene made from its sprites beside it: a dump to open and try Find in ROM with.
run(process.execPath, ['dist/cli.js', 'demo', '-o', demoRom, '--dumps']);
const profileExists = existsSync(join(base, 'user-data', 'User', 'settings.json'));
const profile = profileExists
  ? { userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions') }
  : freshProfile(base, { 'git.openRepositoryInParentFolders': 'never' });
installVsix(join(ROOT, 'dist', 'spritepal.vsix'), { ...profile, base });
const port = Number(process.env.PORT || 8080);
const server = await startServer({ base, ...profile, port });
// The folder only: SpritePal opens its demo ROM the first time (providers/demo-workspace.ts). A file
// named in the URL would open before VS Code knows SpritePal's editor, on a browser's first visit.
const url = workbenchUrl(server, workspace);
writeFileSync(join(base, 'url.txt'), url + '\n');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
console.log(`\nSpritePal ${version} is running in VS Code ${'1.100.3'} on 127.0.0.1:${server.port}.`);
console.log(`Open this URL in a browser (the demo ROM opens in the SpritePal editor):\n\n  ${url}\n`);
console.log('Press Ctrl+C to stop.');
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`the VS Code server exited (${code})`);
  process.exit(1);
});
