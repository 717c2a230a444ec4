// A bounded parse cache for one CLI run, plugged into the engine as LintEnvironment.parseYaml:
// indexing (WorkspaceIndex: flag files, spec summaries, a linked spec's open blockers) and
// linting parse the same texts, so each text is parsed once while it fits.
//
// Bounded by the total length of the cached texts (a syntax tree takes a few dozen times its
// text), so a huge repository never holds every tree. The CLI reads files in a fixed order and
// visits them in that order again, which defeats least-recently-used eviction (every entry is
// evicted just before it is asked for again). So the policy is: keep what is cached and skip
// caching when full (the first files of a run stay parsed once, later ones parse as before).
import { parseYamlSource, type YamlSource } from '../../engine/parse/yamlSource';

/** Default bound: 4 MiB of text (UTF-16 code units), some 100-200 MB of trees at most. */
export const DEFAULT_PARSE_CACHE_CHARS = 4 * 1024 * 1024;

export class ParseCache {
  private readonly entries = new Map<string, YamlSource>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxChars: number = DEFAULT_PARSE_CACHE_CHARS,
    private readonly parseText: (text: string) => YamlSource = parseYamlSource,
  ) {}

  /** The engine hook (LintEnvironment.parseYaml). The source must not be modified by callers. */
  readonly parse = (text: string): YamlSource => {
    const hit = this.entries.get(text);
    if (hit && !hit.consumed) {
      this.hits++;
      return hit;
    }
    this.misses++;
    const src = this.parseText(text);
    this.remember(src);
    return src;
  };

  /** Keep a source parsed elsewhere (e.g. while detecting a flag file's format), if it fits. */
  remember(src: YamlSource): void {
    if (src.consumed) return;
    this.release(src.text);
    if (this.chars + src.text.length > this.maxChars) return;
    this.entries.set(src.text, src);
    this.chars += src.text.length;
  }

  /** Forget a text's tree (its file is done). */
  release(text: string): void {
    if (this.entries.delete(text)) this.chars -= text.length;
  }

  /** Total length of the cached texts (never above maxChars). */
  get size(): number {
    return this.chars;
  }

  get count(): number {
    return this.entries.size;
  }
}
