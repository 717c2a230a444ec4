// The README's command-line section (and docs/readme/cli.md) documents every option, format
// and exit code the CLI has.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINT_OPTIONS } from '../../server/src/cli/lint/options';
import { FORMAT_NAMES } from '../../server/src/cli/reporters';
import { ROOT } from '../helpers/runCli';

for (const doc of ['README.md', 'docs/readme/cli.md']) {
  describe(`${doc} documents the CLI`, () => {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8');
    it('every lint option', () => {
      for (const o of LINT_OPTIONS) assert.ok(text.includes(`--${o.name}`), `--${o.name} is documented in ${doc}`);
    });
    it('every format and the exit codes', () => {
      for (const f of FORMAT_NAMES) assert.ok(text.includes(`| \`${f}\` |`), `format ${f} has a row in ${doc}`);
      for (const c of ['0', '1', '2']) assert.match(text, new RegExp(`^\\| \`${c}\` \\|`, 'm'));
    });
  });
}
