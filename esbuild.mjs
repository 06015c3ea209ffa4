// The one bundler config: the extension (Node, CJS), the worker threads, the webview client
// (browser, IIFE), the CLI, and (with --tests) an unbundled transpile of src/ and test/ for mocha.
//   node esbuild.mjs               development build into dist/
//   node esbuild.mjs --production  minified, no source maps (what `npm run package` ships)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --tests       src/ and test/ to out/, one file per file, with source maps (c8 maps them back)
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');
// --out=<dir>: where --tests writes (default out/), so several test runs can build side by side.
const outArg = process.argv.find((a) => a.startsWith('--out='));
const testOut = outArg ? outArg.slice('--out='.length) : 'out';

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  target: 'node20',
};

// The CLI is a small entry (dist/cli.js: argument parsing and the command list) plus one bundle per
// command (dist/cli-<name>.js), loaded by src/cli/commands/index.ts only when that command runs, so
// `spritepal --version` or `info` does not load the encoders, the scanner and the benchmarks.
// A command module is a file of src/cli/commands/ that exports a `...Command: Command`.
const cliCommands = readdirSync('src/cli/commands')
  .filter((f) => f.endsWith('.ts') && /^export const \w+Command: Command\b/m.test(readFileSync(join('src/cli/commands', f), 'utf8')))
  .map((f) => f.slice(0, -3));

/** Node entry points; every one must exist (a renamed or deleted entry fails the build, below). */
const nodeEntries = [
  { in: 'src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'src/cli.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  ...cliCommands.map((name) => ({ in: `src/cli/commands/${name}.ts`, out: `cli-${name}` })),
  { in: 'src/core/workers/worker-main.ts', out: 'worker' },
  // The demo ROM builder, its art and its scene's dumps, required by the extension only when "Open Demo ROM" runs.
  { in: 'src/core/demo/demo-files.ts', out: 'demo-rom' },
];
const missingEntries = nodeEntries.filter((e) => !existsSync(e.in)).map((e) => e.in);
if (missingEntries.length) {
  console.error(`esbuild.mjs: entry point(s) missing: ${missingEntries.join(', ')} (renamed or deleted? update esbuild.mjs)`);
  process.exit(1);
}

const builds = [
  ...nodeEntries.map((e) => ({
    ...common,
    entryPoints: { [e.out]: e.in },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    external: e.external ?? [],
    banner: e.banner ? { js: e.banner } : undefined,
  })),
  {
    ...common,
    entryPoints: { webview: 'src/webviews/client/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: { 'dump-webview': 'src/webviews/dump-client/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

function listFiles(dir, wanted) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, wanted));
    else if (wanted(p)) out.push(p);
  }
  return out;
}
const listTs = (dir) => listFiles(dir, (p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));

if (tests) {
  rmSync(testOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [...listTs('src'), ...listTs('test')],
    outdir: testOut,
    outbase: '.',
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // JSON modules are required at run time by the unbundled output: copy them beside it.
  for (const json of listFiles('src', (p) => p.endsWith('.json'))) {
    mkdirSync(dirname(join(testOut, json)), { recursive: true });
    copyFileSync(json, join(testOut, json));
  }
} else if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
