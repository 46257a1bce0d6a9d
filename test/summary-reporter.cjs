// Mocha's dot reporter plus one closing line `SUITE: N passed, M failed`,
// the form CI reads. The suite name comes from BOTFLOW_SUITE.
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Dot {
  constructor(runner, options) {
    super(runner, options);
    runner.once("end", () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const suite = process.env.BOTFLOW_SUITE ?? "mocha";
      process.stdout.write(`${suite}: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ""}\n`);
    });
  }
}

module.exports = SummaryReporter;
