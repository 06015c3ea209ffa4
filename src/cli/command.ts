/**
 * The shape of one CLI command. Each command is its own module under src/cli/commands/ and is
 * listed (with its one-line summary) in src/cli/commands/index.ts, which loads it on demand. Commands reach the core only (never vscode), write through
 * the `CliIO` they are given (so tests can run them in-process), and throw on failure: the CLI
 * prints one clear line on stderr (the stack only with --debug) and exits non-zero.
 */
import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal (progress lines only then). */
  stderrIsTTY: boolean;
  cwd: string;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** Usage and option text for `spritepal <cmd> --help`. */
  help: string;
  options: OptionSpec;
  /** Whether extra positionals are allowed (defaults to true). */
  allowPositionals?: boolean;
  run(args: ParsedArgs, io: CliIO): Promise<number | void>;
}

/** A user error: printed as one line, exit code 1, never a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringOpt(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${name} needs a value`);
  return v;
}

export function intOpt(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = stringOpt(args, name);
  if (v === undefined) return undefined;
  const n = /^0x[0-9a-f]+$/i.test(v) ? parseInt(v, 16) : /^\d+$/.test(v) ? parseInt(v, 10) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
  return n;
}

export function requirePositional(args: ParsedArgs, index: number, what: string): string {
  const v = args.positionals[index];
  if (v === undefined) throw new UsageError(`missing ${what}`);
  return v;
}

/** JSON output: one object (or array) on one line per call, then a newline. */
export function printJson(io: CliIO, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}
