// Mocha setup: regenerate embedded data from its sources before any test module loads.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
execFileSync(process.execPath, [path.join(__dirname, '..', 'tools', 'gen-builtins.mjs')], { stdio: 'ignore' });
