/**
 * Entry point of the extension-host integration tests (extensionTestsPath): runs every
 * *.test.js next to it under mocha inside the real VS Code server's extension host.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function run(): Promise<void> {
  process.env.SPRITEPAL_TEST_LAYER = 'integration';
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: join(__dirname, '..', '..', '..', 'test', 'support', 'summary-reporter.cjs') });
  // SPRITEPAL_TEST_GREP=<text> runs only the tests whose title holds it (for work on one test).
  if (process.env.SPRITEPAL_TEST_GREP) mocha.grep(process.env.SPRITEPAL_TEST_GREP);
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
