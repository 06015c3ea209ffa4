// Debian packages the test layers need, installed with apt-get when missing (CI runs as root on a
// clean machine). Each entry is [package, a file it installs], so nothing is installed twice.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** The unit layer: lz4 (the LZ4 tests compare the codec with `lz4 -d`, `lz4 -12` and `lz4 -b`). */
export const UNIT_PACKAGES = [['lz4', '/usr/bin/lz4']];

/**
 * Installs the missing ones. Not root: throws, or with `optional` says which tests will skip and
 * returns (a developer's unit run then skips the comparisons with a message instead of failing).
 */
export function installDebianPackages(wanted, { optional = false, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const missing = wanted.filter(([, path]) => !existsSync(path)).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!isRoot) {
    if (optional) {
      log(`[debian] missing ${missing.join(', ')} (not root, not installing): the tests that need them skip; to run them: ${cmd}`);
      return;
    }
    throw new Error(`missing Debian packages (${missing.join(', ')}): run as root: ${cmd}`);
  }
  log(`[debian] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
}
