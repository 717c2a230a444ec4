// The contributed snippets expand (placeholders at their defaults) into specs that parse and
// pass the schema.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLintEnvironment, lintDocument } from '../../server/src/engine/lint';
import { resolveSnippet } from './support';

const FILE = path.join(__dirname, '..', '..', 'snippets', 'fcs-spec.code-snippets');
const snippets = JSON.parse(fs.readFileSync(FILE, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;

function expand(name: string, indent = ''): string {
  const s = snippets[name];
  assert.ok(s, name);
  const body = s.body.join('\n').replace(/\$CURRENT_YEAR/g, '2026').replace(/\$CURRENT_MONTH/g, '11').replace(/\$CURRENT_DATE/g, '28');
  return resolveSnippet(body)
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

function structural(text: string): string[] {
  return lintDocument('file:///s.fcs.yaml', text, createLintEnvironment())
    .findings.filter((f) => f.ruleId === 'SPEC-PARSE' || f.ruleId === 'SPEC-SCHEMA')
    .map((f) => f.message);
}

describe('snippets', () => {
  it('the spec skeleton is a valid spec', () => {
    assert.deepEqual(structural(expand('fcs-lint spec skeleton')), []);
  });

  for (const [name, key] of [
    ['fcs-lint engagement record', 'engagements'],
    ['fcs-lint market', 'markets'],
    ['fcs-lint harm', 'harms'],
  ] as const) {
    it(`"${name}" is a valid item of ${key}`, () => {
      const text = `spec_version: 1\nfeature: {id: x, name: X}\n${key}:\n${expand(name, '  ')}\n`;
      assert.deepEqual(structural(text), [], text);
    });
  }

  it('every snippet has an fcs- prefix', () => {
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.prefix.some((p) => p.startsWith('fcs-')), name);
  });
});
