// The parse floor: a file's text parsed as the lint parses it, without the rules — the YAML tree
// and its data, or the Markdown tree and its front matter's data. Bundled on its own too
// (bench/.build/parsers.js, for bench/parse-only.cjs) so a process can load the parsers alone.
import { parseMarkdownTree } from '../server/src/engine/markdown/document';
import { parseYamlSource, toData } from '../server/src/engine/parse/yamlSource';

export function parseFloor(file: string, text: string): void {
  if (file.endsWith('.md')) {
    const fm = parseMarkdownTree(text).children[0];
    if (fm && fm.type === 'yaml') toData(parseYamlSource(fm.value).doc);
    return;
  }
  toData(parseYamlSource(text).doc);
}
