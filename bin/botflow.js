#!/usr/bin/env node
// The `botflow` command: the bundled CLI (built by `npm ci` through `prepare`).
require("../dist/cli.js").runCli();
