// What the build puts in the bundles the CLI, the server and the assessment ship.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/runCli';

describe('bundles', () => {
  for (const bundle of ['cli.js', 'server.js', 'assess.js']) {
    it(`${bundle} carries yaml's ES module build, which reads no environment variable per token`, () => {
      const source = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
      // yaml's parser is in the bundle (its error codes), and not its CommonJS build, whose
      // parser reads process.env.LOG_TOKENS for every token (build.mjs: alias).
      assert.match(source, /BLOCK_AS_IMPLICIT_KEY/);
      assert.ok(!source.includes('LOG_TOKENS'), `${bundle} holds yaml's CommonJS parser`);
    });

    it(`${bundle} carries mdast-util-from-markdown with one compile context, not a copy per event`, () => {
      const source = fs.readFileSync(path.join(ROOT, 'dist', bundle), 'utf8');
      // build.mjs: plugins (tools/esbuild-plugins.mjs). Minified: `c.sliceSerialize=e[i][2].sliceSerialize,c)`.
      assert.equal(source.match(/[\w$]+\.sliceSerialize=[\w$]+\[[\w$]+\]\[2\]\.sliceSerialize,[\w$]+\)/g)?.length, 3);
      assert.doesNotMatch(source, /\{\.\.\.[\w$]+,sliceSerialize:/);
    });
  }
});
