// Mocha reporter: the spec reporter's output, then one closing line CI can read:
//   "<layer>: N passed, N failed, N skipped"
// (mocha's own "N passing" is not a line CI recognises). The layer comes from SPRITEPAL_TEST_LAYER.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // A test that failed and then passed on its retry (e2e only runs with --retries) is listed, so a
    // flaky test shows in the log instead of passing silently.
    const retried = [];
    runner.on('retry', (test, err) => {
      // The message's first line and where in a test file it was thrown (enough to find the step).
      const at = String(err?.stack ?? '')
        .split('\n')
        .find((l) => /\/test\/.*\.js:\d+/.test(l) && !l.includes('node_modules'));
      retried.push(`${test.fullTitle()}: ${String(err?.message ?? err).split('\n')[0]}${at ? ` (${at.trim()})` : ''}`);
    });
    runner.once('end', () => {
      const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const layer = process.env.SPRITEPAL_TEST_LAYER || 'tests';
      // console.log, not process.stdout: inside the VS Code extension host only console output is forwarded.
      if (retried.length > 0) console.log(`\n${layer}: ${retried.length} failed once and ran again:\n${retried.map((r) => `  - ${r}`).join('\n')}`);
      console.log(`\n${layer}: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
    });
  }
}

module.exports = SummaryReporter;
