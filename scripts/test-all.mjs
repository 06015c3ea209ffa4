// `npm test`: every layer, each printing its own closing line "N passed, N failed", then one
// total line. Type check, lint and the formatter's check first; unit tests with coverage; then the real VS Code server
// (integration) and Chromium against the packaged VSIX (end to end). Installs what it needs.
import { spawn } from 'node:child_process';

const layers = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  // Formatting is prettier's (.prettierrc.json: 160 columns); `npm run format` fixes what this finds.
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'unit', cmd: ['node', 'scripts/test-unit.mjs'] },
  { name: 'integration', cmd: ['node', 'scripts/test-integration.mjs'] },
  { name: 'e2e', cmd: ['node', 'scripts/test-e2e.mjs'] },
];
const only = process.argv.slice(2);
const SUMMARY = /^(?:(\w+): )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

function runLayer(layer) {
  return new Promise((resolve) => {
    process.stdout.write(`\n===== ${layer.name}: ${layer.cmd.join(' ')}\n`);
    const child = spawn(layer.cmd[0], layer.cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = null;
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = line.match(SUMMARY);
        if (m) last = { passed: +m[2], failed: +m[3], skipped: +(m[4] ?? 0) };
      }
    });
    child.on('close', (code) => resolve({ code: code ?? 1, summary: last }));
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let broken = [];
for (const layer of layers) {
  if (only.length && !only.includes(layer.name)) continue;
  const r = await runLayer(layer);
  if (r.summary) {
    passed += r.summary.passed;
    failed += r.summary.failed;
    skipped += r.summary.skipped;
  } else {
    // Type check, lint and format have no test count: one check each.
    if (r.code === 0) passed += 1;
    else failed += 1;
    console.log(`${layer.name}: ${r.code === 0 ? 1 : 0} passed, ${r.code === 0 ? 0 : 1} failed`);
  }
  if (r.code !== 0) broken.push(`${layer.name} (exit ${r.code})`);
}
console.log(`\n${broken.length ? `failed layers: ${broken.join(', ')}` : 'all layers passed'}`);
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(broken.length ? 1 : 0);
