// Mocha setup: regenerate embedded data from its sources before any test module loads.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
for (const tool of ['gen-builtins.mjs', 'gen-validators.mjs']) {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'tools', tool)], { stdio: 'ignore' });
}
