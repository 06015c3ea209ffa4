/**
 * spritepal: the command-line front end over src/core (the same engine as the extension).
 * `spritepal --help` lists the commands; `spritepal <cmd> --help` explains one.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './cli/commands';
import { UsageError, type CliIO } from './cli/command';
import { withRunFiles } from './cli/files';
import { SpritePalError } from './core/errors';
import { stripControl } from './core/untrusted';

/** An error as one clean line: no line breaks, no terminal control sequences from file contents. */
const oneLine = (text: string): string => stripControl(text.replace(/\s*\n\s*/g, ' '));

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'spritepal: find, view, extract and inject SNES sprite graphics (HAL-compressed included)',
    '',
    'Usage: spritepal <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `spritepal <command> --help` for one command. Add --debug to any command for stack traces.',
    'Offsets printed are on-disk file offsets; options that take an address accept $BB:AAAA, BB:AAAA, 0x... and decimal.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  const rest = argv.filter((a) => a !== '--debug');
  const name = rest[0];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version') {
    io.stdout('spritepal 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`spritepal: unknown command "${name}" (see spritepal --help)\n`);
    return 2;
  }
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help + '\n');
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest.slice(1), options: command.options, allowPositionals: command.allowPositionals ?? true, strict: true });
    const code = await withRunFiles(() =>
      command.run({ values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals }, io),
    );
    return code ?? 0;
  } catch (err) {
    const e = err as Error & { code?: string };
    if (debug) io.stderr((e.stack ?? String(e)) + '\n');
    else if (err instanceof UsageError || err instanceof SpritePalError) io.stderr(`spritepal ${name}: ${oneLine(e.message)}\n`);
    else if (e.code?.startsWith('ERR_PARSE_ARGS')) io.stderr(`spritepal ${name}: ${oneLine(e.message)} (see spritepal ${name} --help)\n`);
    else io.stderr(`spritepal ${name}: ${oneLine(e.message ?? String(e))}\n`);
    return 1;
  }
}

/* c8 ignore start */
if (require.main === module) {
  // A reader that stops early (`spritepal decompress ... | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`spritepal: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
/* c8 ignore stop */
