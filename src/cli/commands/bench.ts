import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_GROUPS } from '../../bench';
import type { BenchRow } from '../../bench/harness';
import { printJson, stringOpt, UsageError, type Command } from '../command';

export const benchCommand: Command = {
  name: 'bench',
  help: `spritepal bench [--only <group>[,<group>...]] [--json] [--quick]

Runs the benchmark groups and prints a table of measurements with their targets.
Groups: ${BENCH_GROUPS.map((g) => g.name).join(', ')}

  --only <g>   run only these groups
  --json       one JSON object: { figures: { key: value }, rows: [...] }
  --quick      fewer repetitions (a smoke run; numbers are noisier)
  --shared <d> the shared/ folder with reference data (default: ../shared beside the project)`,
  options: { only: { type: 'string' }, json: { type: 'boolean' }, quick: { type: 'boolean' }, shared: { type: 'string' } },
  allowPositionals: false,
  async run(args, io) {
    const only = stringOpt(args, 'only')
      ?.split(',')
      .map((s) => s.trim());
    const groups = only ? BENCH_GROUPS.filter((g) => only.includes(g.name)) : BENCH_GROUPS;
    const unknown = only?.filter((n) => !BENCH_GROUPS.some((g) => g.name === n)) ?? [];
    if (unknown.length) throw new UsageError(`unknown bench group "${unknown.join(', ')}" (groups: ${BENCH_GROUPS.map((g) => g.name).join(', ')})`);
    const sharedOpt = stringOpt(args, 'shared');
    const guess = [join(__dirname, '..', '..', 'shared'), resolve(io.cwd, '..', 'shared')];
    const sharedDir = sharedOpt ? resolve(io.cwd, sharedOpt) : (guess.find((d) => existsSync(join(d, 'docs'))) ?? null);
    const json = Boolean(args.values.json);
    const all: (BenchRow & { group: string })[] = [];
    for (const g of groups) {
      if (!json) io.stdout(`\n## ${g.name}: ${g.description}\n`);
      const rows = await g.run({ quick: Boolean(args.values.quick), sharedDir, log: (m) => io.stderr(`[${g.name}] ${m}\n`) });
      for (const r of rows) all.push({ group: g.name, ...r });
      if (!json) io.stdout(formatTable(rows));
    }
    if (json) printJson(io, { figures: Object.fromEntries(all.map((r) => [r.key, r.value])), rows: all });
    else {
      const failed = all.filter((r) => r.pass === false);
      io.stdout(
        `\n${all.length} measurements, ${all.filter((r) => r.pass === true).length} targets met, ${failed.length} missed${failed.length ? ': ' + failed.map((r) => r.key).join(', ') : ''}\n`,
      );
    }
  },
};

function formatTable(rows: BenchRow[]): string {
  const w = Math.max(10, ...rows.map((r) => r.label.length));
  return (
    rows
      .map((r) => {
        const value = `${r.value} ${r.unit}`.padStart(16);
        const target = r.target ? `  target ${r.target}${r.pass === undefined ? '' : r.pass ? '  ok' : '  MISSED'}` : '';
        return `  ${r.label.padEnd(w)} ${value}${target}${r.note ? `  (${r.note})` : ''}`;
      })
      .join('\n') + '\n'
  );
}
