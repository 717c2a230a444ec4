// Mocha setup: regenerate embedded data from its sources before any test module loads.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
for (const tool of ['gen-builtins.mjs', 'gen-validators.mjs']) {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'tools', tool)], { stdio: 'ignore' });
}
// The CLI and server processes the tests start keep their V8 code caches in a folder of this
// run, not in the user's cache folder (server/src/loader/codeCache.ts).
if (!process.env.FCS_LINT_CACHE_DIR) {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-lint-test-cache-'));
  process.env.FCS_LINT_CACHE_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
