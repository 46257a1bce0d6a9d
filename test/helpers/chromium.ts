/** The Chromium the e2e suites and the diagram bench drive: Debian's package (.ci/run installs it); CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
