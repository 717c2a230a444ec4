// The build rewrites mdast-util-from-markdown so that its handlers share one compile context
// instead of a copy per event (tools/esbuild-plugins.mjs). The rewritten library, bundled the
// way build.mjs bundles it, must build exactly the tree the library builds, positions included.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import esbuild from 'esbuild';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { parseMarkdownTree } from '../../../server/src/engine/markdown/document';

const ROOT = path.join(__dirname, '..', '..', '..');
const LIBRARY = path.join(ROOT, 'node_modules', 'mdast-util-from-markdown', 'lib', 'index.js');

interface Plugins {
  reuseMdastContext(source: string): { contents?: string; error?: string };
  mdastReuseContext: esbuild.Plugin;
}
type Parse = (text: string) => Root;

/** The engine's Markdown parse with the library as installed (the tests run the sources). */
const original: Parse = parseMarkdownTree;

/** The same parse, bundled with the build's plugin, loaded as a module. */
async function rewritten(plugins: Plugins): Promise<Parse> {
  const out = await esbuild.build({
    stdin: {
      contents: `export { parseMarkdownTree as parse } from './server/src/engine/markdown/document';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [plugins.mdastReuseContext],
  });
  const code = out.outputFiles[0]!.text;
  // esbuild may rename the library's locals (index → index2) and reformats.
  assert.match(code, /context\d*\.sliceSerialize = events\d*\[index\d*\]\[2\]\.sliceSerialize,\s*context\d*\)/, 'the bundle holds the rewrite');
  assert.doesNotMatch(code, /\.\.\.context/, 'no copy of the context is left');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcs-mdast-'));
  const file = path.join(dir, 'parse.cjs');
  fs.writeFileSync(file, code);
  try {
    return (require(file) as { parse: Parse }).parse;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Pieces of Markdown that reach most of the library's handlers (and front matter, which the engine reads).
const PIECE = fc.constantFrom(
  '# ', '## ', '### Heading', 'Setext\n===\n', 'text', ' ', '\n', '\n\n', '\r\n', '\t',
  '- ', '* ', '1. ', '2) ', '  - nested', '> ', '```js\n', '```\n', '~~~\n', '    code', '`code`',
  '*em*', '**strong**', '_x_', '[link](https://example.org "t")', '![img](a.png)', '[ref]', '[ref]: https://example.org',
  '<div>', '</div>', '<!-- c -->', '<span>', '&amp;', '&#35;', '\\*', '---\n', '---\nfcs:\n  x: 1\n---\n', '***',
  '| a | b |\n|---|---|\n| 1 | 2 |', 'line  \nbreak', 'https://example.org', 'é', '😀', '\u0000', 'ما', '<', '>', '[', ']', '(', ')',
);

describe('mdast-util-from-markdown with the build rewrite (tools/esbuild-plugins.mjs)', () => {
  let plugins: Plugins;
  let parse: Parse;
  before(async function () {
    this.timeout(60_000);
    plugins = (await import(pathToFileURL(path.join(ROOT, 'tools', 'esbuild-plugins.mjs')).href)) as Plugins;
    parse = await rewritten(plugins);
  });

  it('finds all three copies of the context in the installed library, and leaves none', () => {
    const r = plugins.reuseMdastContext(fs.readFileSync(LIBRARY, 'utf8'));
    assert.equal(r.error, undefined);
    assert.equal(r.contents!.match(/\.\.\.context/g), null);
    assert.equal(r.contents!.match(/context\.sliceSerialize = events\[index\]\[2\]\.sliceSerialize, context/g)?.length, 3);
  });

  it('refuses a library it was not written for, naming what changed', () => {
    const source = fs.readFileSync(LIBRARY, 'utf8');
    const changed = source.replace(/\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/, '{ ...context }');
    assert.notEqual(changed, source);
    const r = plugins.reuseMdastContext(changed);
    assert.equal(r.contents, undefined);
    assert.match(r.error ?? '', /expected 3 copies of the compile context, found 2/);
  });

  it('builds the same tree as the library on the PRD fixtures and examples', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'prd');
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.deepStrictEqual(parse(text), original(text), f);
    }
  });

  it('builds the same tree as the library on random Markdown', () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        assert.deepStrictEqual(parse(text), original(text));
      }),
      { numRuns: 400 },
    );
  });
});
