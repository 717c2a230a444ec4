// Each open document's last YAML syntax tree and the editor's changes since, so a keystroke
// inside a value re-parses only that value (engine/parse/incremental) instead of the whole file.
// The editor sends incremental changes; the documents manager applies them through
// `documentsConfiguration()`, which also records them here as offset edits.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reparseAfterEdits, type OffsetEdit } from '../engine/parse/incremental';
import { parseYamlSource, type YamlSource } from '../engine/parse/yamlSource';

/** More edits than this between two lints: parse in full (a paste, a replace-all). */
const MAX_EDITS = 16;

interface EditLog {
  /** The version the edits start from, and the version they lead to. */
  from: number;
  to: number;
  edits: OffsetEdit[];
}

export class SourceCache {
  private readonly sources = new Map<string, { version: number; src: YamlSource }>();
  private readonly logs = new Map<string, EditLog | null>();
  /** How many parses reused a tree (the status notification says whether a lint did). */
  readonly stats = { incremental: 0 };

  /** Use as `new TextDocuments(cache.documentsConfiguration())`. */
  documentsConfiguration(): TextDocumentsConfiguration<TextDocument> {
    return {
      create: (uri, languageId, version, content) => {
        this.forget(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      // One change at a time, so each change's offsets are taken in the text it applies to
      // (the protocol's order); the result is what applying them together gives.
      update: (doc, changes, version) => {
        for (const c of changes) {
          this.record(doc, c, version);
          TextDocument.update(doc, [c], version);
        }
        return doc;
      },
    };
  }

  /** The tree for `text`, the document's content at `version`. */
  parse(uri: string, version: number, text: string): YamlSource {
    const last = this.sources.get(uri);
    if (last && last.version === version && last.src.text === text && !last.src.consumed) return last.src;
    // An older version (a request about a stale analysis): parse it aside, keep the newest tree.
    if (last && version < last.version) return parseYamlSource(text);
    const log = this.logs.get(uri);
    let src: YamlSource | undefined;
    if (last && log && log.from === last.version && log.to === version) src = reparseAfterEdits(last.src, log.edits, text);
    if (src) this.stats.incremental++;
    else src = parseYamlSource(text);
    // Remember located pointers: the next version keeps those its edits cannot have moved.
    src.locations ??= new Map();
    this.sources.set(uri, { version, src });
    this.logs.set(uri, { from: version, to: version, edits: [] });
    return src;
  }

  forget(uri: string): void {
    this.sources.delete(uri);
    this.logs.delete(uri);
  }

  private record(doc: TextDocument, c: TextDocumentContentChangeEvent, version: number): void {
    const log = this.logs.get(doc.uri);
    if (!log || (log.to !== doc.version && log.to !== version) || !('range' in c) || log.edits.length >= MAX_EDITS) {
      this.logs.set(doc.uri, null);
      return;
    }
    log.edits.push({ start: doc.offsetAt(c.range.start), end: doc.offsetAt(c.range.end), text: c.text });
    log.to = version;
  }
}
