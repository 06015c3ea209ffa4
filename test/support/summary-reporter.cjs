// Mocha reporter: the spec reporter's output, then one closing line CI can read:
//   "<layer>: N passed, N failed, N skipped"
// (mocha's own "N passing" is not a line CI recognises). The layer comes from SPRITEPAL_TEST_LAYER.
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const layer = process.env.SPRITEPAL_TEST_LAYER || 'tests';
      // console.log, not process.stdout: inside the VS Code extension host only console output is forwarded.
      console.log(`\n${layer}: ${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
    });
  }
}

module.exports = SummaryReporter;
