/**
 * The reference data in ../shared (beside the project). Tests that need it call `requireShared(this)`
 * in a before() hook, which skips the suite with a clear message when the folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared/ folder, or null when it is not beside the project. */
export function sharedDir(): string | null {
  const candidates = [process.env.SPRITEPAL_SHARED, resolve(__dirname, '..', '..', '..', '..', 'shared'), resolve(process.cwd(), '..', 'shared')];
  for (const c of candidates) if (c && existsSync(join(c, 'fixtures'))) return c;
  return null;
}

/** Skips the current suite (from a before() hook) when ../shared is missing. */
export function requireShared(ctx: Mocha.Context): string {
  const dir = sharedDir();
  if (!dir) {
    console.log('    (skipped: ../shared/fixtures is not beside the project, so the reference data cannot be read)');
    ctx.skip();
  }
  return dir!;
}

export function readShared(dir: string, ...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, ...parts)));
}
