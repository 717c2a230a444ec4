// Results derived from an object, kept while that very object is in use. Versions of a document
// that is being typed share every unchanged part (incremental re-parses copy only the path to
// the edited value), so what was derived from an unchanged part last time is still right.
// Callers must treat both the object and the result as read-only.

interface Entry<R> {
  tag: unknown;
  depth: number;
  value: R;
}

export class DerivedMemo<R> {
  private readonly entries = new WeakMap<object, Entry<R>>();

  /**
   * The result derived from `source` (for `tag`, e.g. the schema node, at this nesting depth:
   * depth limits make deep results depend on where the object stands), else undefined.
   */
  get(source: object, tag: unknown, depth: number): R | undefined {
    const e = this.entries.get(source);
    return e && e.tag === tag && e.depth === depth ? e.value : undefined;
  }

  set(source: object, tag: unknown, depth: number, value: R): R {
    this.entries.set(source, { tag, depth, value });
    return value;
  }
}
