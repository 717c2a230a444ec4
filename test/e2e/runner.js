// Mocha runner loaded by the VS Code extension host (extensionTestsPath → <suite>/index.js).
// Every *.test.js in the suite's folder runs, in name order; a new feature's tests slot in as a
// new file. The promise rejects when any test failed, so the host exits non-zero.
// FCS_E2E_RESULTS (set by e2e/ext-host.mjs) names a JSON file for the pass/fail summary.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

exports.runSuite = function runSuite(dir) {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, slow: 2000, reporter: 'spec' });
  const grep = process.env.FCS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const results = { suite: path.basename(dir), passes: [], failures: [] };
    let runner;
    try {
      runner = mocha.run((failures) => {
        results.failuresCount = failures;
        if (process.env.FCS_E2E_RESULTS) fs.writeFileSync(process.env.FCS_E2E_RESULTS, JSON.stringify(results, null, 2));
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (results.passes.length === 0) reject(new Error('no tests ran'));
        else resolve();
      });
    } catch (e) {
      reject(e);
      return;
    }
    runner.on('pass', (t) => results.passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => results.failures.push({ title: t.fullTitle(), error: String(err && err.message) }));
  });
};
