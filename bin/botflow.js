#!/usr/bin/env node
// The `botflow` command: the bundled CLI (built by `npm ci` through `prepare`),
// loaded through its V8 code cache when `node build.mjs --production` made one.
const { join } = require("node:path");
require("../dist/load-bundle.js").loadBundle(join(__dirname, "../dist/cli.js")).runCli();
