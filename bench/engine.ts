// What the bench times, bundled by `node build.mjs --bench` with the options the shipped bundles
// are built with (bench/.build/engine.js): the lint, and the parse floor (the same parsers, no
// rules). Timing the bundle rather than the sources keeps the bench on the product's code: the
// yaml build the bundles alias to and the build's rewrite of mdast-util-from-markdown.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parseYamlSource, toData } from '../server/src/engine/parse/yamlSource';

export { createLintEnvironment, lintDocument } from '../server/src/engine/lint';

/** Parse a file's text as the lint does, without the rules: the YAML tree, or the Markdown tree and its front matter. */
export function parseFloor(file: string, text: string): void {
  if (file.endsWith('.md')) {
    const tree = fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
    const fm = tree.children[0];
    if (fm && fm.type === 'yaml') toData(parseYamlSource(fm.value).doc);
    return;
  }
  toData(parseYamlSource(text).doc);
}
