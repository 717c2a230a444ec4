// One lint per document version, shared by diagnostics, hovers, code actions and lenses.
// Results are kept for open documents only; a feature asking about a version that has not been
// linted yet lints it then (on request, never on a keystroke).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseYamlSource, type YamlSource } from '../engine/parse/yamlSource';
import type { LintResult } from '../engine/types';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  durationMs: number;
  /** The YAML syntax tree, parsed on first use by a feature that needs it. */
  yaml(): YamlSource;
}

export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();

  /** `lint` is the server's one way to lint a document (configuration, ledger, workspace index). */
  constructor(
    private readonly lint: (uri: string, text: string, version: number) => LintResult,
    /** The document's syntax tree at a version (shared with the lint; default: parse anew). */
    private readonly parse: (uri: string, version: number, text: string) => YamlSource = (_u, _v, t) => parseYamlSource(t),
  ) {}

  get(doc: TextDocument): Analysis {
    const hit = this.byUri.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const text = doc.getText();
    const t0 = performance.now();
    const result = this.lint(doc.uri, text, doc.version);
    let src: YamlSource | undefined;
    const a: Analysis = {
      uri: doc.uri,
      version: doc.version,
      text,
      result,
      durationMs: performance.now() - t0,
      // A later version's re-parse may have taken this tree over (consumed): parse again then.
      yaml: () => (src && !src.consumed ? src : (src = this.parse(doc.uri, a.version, text))),
    };
    this.byUri.set(doc.uri, a);
    return a;
  }

  /** The last analysis, whatever its version (for cheap lookups that tolerate staleness). */
  peek(uri: string): Analysis | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
