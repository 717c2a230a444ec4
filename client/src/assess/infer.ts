// Pre-fill for the guided flow when there is no spec yet: what the engine can infer from the
// current document (explicit fn.* ids, then the capability words the flag adapters use).
import type { FlagDef } from '../../../server/src/engine/formats/model';
import { inferCapabilities } from '../../../server/src/engine/formats/capabilities';
import { FUNCTIONS } from '../../../server/src/engine/assess/taxonomy';

export function inferFunctions(text: string): string[] {
  const explicit = (text.match(/\bfn\.[a-z_]+\b/g) ?? []).filter((f) => FUNCTIONS.includes(f));
  const flag = { key: '', name: '', description: text.slice(0, 200_000), variants: [] } as unknown as Pick<FlagDef, 'key' | 'name' | 'description' | 'variants'>;
  const inferred = inferCapabilities(flag).map((t) => t.fn).filter((f) => FUNCTIONS.includes(f));
  return [...new Set([...explicit, ...inferred])];
}

/** A feature name from a Markdown PRD's first heading or front-matter title. */
export function inferName(text: string, fallback: string): string {
  const fm = /^---\r?\n[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(text);
  if (fm?.[1]) return fm[1].trim();
  const h = /^#\s+(.+)$/m.exec(text);
  return h?.[1]?.trim() ?? fallback;
}
