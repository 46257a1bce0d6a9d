// Mocha runs without --exit, so a test that leaves a timer, socket or child
// process behind would keep the run alive (in CI, until the job's time
// limit). This turns such a leak into a failure that says what is left.
const GRACE_MS = 10_000;

exports.mochaHooks = {
  afterAll() {
    const guard = setTimeout(() => {
      const left = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap");
      process.stderr.write(`mocha had not exited ${GRACE_MS / 1000} s after the last test; still active: ${left.join(", ")}\n`);
      // mocha sets the exit code from the failure count in its own exit listener; this one runs after it
      process.on("exit", () => {
        process.exitCode = 1;
      });
      process.exit(1);
    }, GRACE_MS);
    guard.unref();
  },
};
