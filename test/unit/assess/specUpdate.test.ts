// The guided flow's spec writer: adds what is missing, never overwrites what the user wrote.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { SpecSyntaxError, specInsertions, updateSpecText, type AssessAnswers } from '../../../client/src/assess/specUpdate';

const ROOT = path.join(__dirname, '..', '..', '..');
const none: AssessAnswers = { name: 'Ignored', functions: [], markets: [], userGroups: [], dataCategories: [], stage: '' };

describe('assess: spec update', () => {
  const files = [
    ...fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.fcs.yaml')).map((f) => path.join(ROOT, 'examples', f)),
    path.join(ROOT, 'test', 'fixtures', 'assess', 'assessed.fcs.yaml'),
  ];
  for (const f of files) {
    it(`${path.basename(f)}: leaves the text byte-for-byte alone when nothing is missing`, () => {
      const text = fs.readFileSync(f, 'utf8');
      assert.equal(updateSpecText(text, none), text);
    });
  }

  it('adds missing items and keys, keeps the user’s values, comments and flow style', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'messaging-conflict.fcs.yaml'), 'utf8');
    const out = updateSpecText(text, { name: 'Other name', functions: ['fn.messaging', 'fn.location'], markets: ['ET', 'SDN'], userGroups: ['ug.lgbtq', 'ug.general'], dataCategories: ['communications_metadata', 'location_precise'], stage: 'ideation' });
    const d = parse(out);
    assert.equal(d.feature.name, 'Message forwarding v2', 'name kept');
    assert.equal(d.feature.lifecycle_stage, 'development', 'stage kept');
    assert.deepEqual(d.feature.functions, ['fn.messaging', 'fn.ranking', 'fn.location']);
    assert.deepEqual(d.markets.map((m: { country: string }) => m.country), ['ETH', 'KEN', 'SDN'], 'ET is ETH: not added twice');
    assert.deepEqual(d.user_groups.slice(-1), ['ug.lgbtq']);
    assert.deepEqual(d.data.map((x: { category: string }) => x.category), ['communications_metadata', 'location_precise']);
    assert.ok(out.startsWith('# A messaging feature'), 'comment kept');
    assert.ok(out.includes('functions: [fn.messaging, fn.ranking, fn.location]'), 'flow style kept');
    const ins = specInsertions(text, { ...none, functions: ['fn.location'] });
    assert.equal(ins.length, 1);
    assert.equal(text.slice(ins[0]!.offset, ins[0]!.offset + 1), ']', 'one insertion, inside the flow list');
    // Everything the user wrote is still there, in order: the update only inserts.
    let at = 0;
    for (const lineText of text.split('\n')) {
      const i = out.indexOf(lineText.replace(/\]$/, ''), at);
      assert.ok(i >= 0, `line lost or changed: ${lineText}`);
      at = i;
    }
  });

  it('creates a new spec from the answers', () => {
    const out = updateSpecText(null, { name: 'Nearby friends', functions: ['fn.location'], markets: ['SDN'], userGroups: ['ug.lgbtq'], dataCategories: ['location_precise'], stage: 'design' });
    const d = parse(out);
    assert.equal(d.spec_version, 1);
    assert.deepEqual(d.feature, { id: 'nearby-friends', name: 'Nearby friends', lifecycle_stage: 'design', functions: ['fn.location'] });
    assert.deepEqual(d.markets, [{ country: 'SDN' }]);
  });

  it('adds missing feature keys at the indentation of the feature map, and missing sections at the end', () => {
    const out = updateSpecText('spec_version: 1\nfeature:\n  id: x   # keep\n', { ...none, name: 'X', functions: ['fn.maps'], userGroups: ['ug.rural'], stage: 'design' });
    assert.equal(out, 'spec_version: 1\nfeature:\n  name: X\n  lifecycle_stage: design\n  functions: [fn.maps]\n  id: x   # keep\nuser_groups: [ug.rural]\n');
  });

  it('refuses to touch a spec with YAML errors', () => {
    assert.throws(() => updateSpecText('feature: [unclosed\n', none), SpecSyntaxError);
  });
});
