import assert from 'node:assert/strict';
import { staleFiles } from '../../tools/gen-docs';

describe('generated documentation', () => {
  it('docs/rules/*.md and the README rule table match the checklist data (run `npm run docs` to update)', () => {
    assert.deepEqual(staleFiles(), []);
  });
});
