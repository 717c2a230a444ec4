// Message templates: literal text with {{ CEL }} placeholders, compiled once.
import { celToText, compileCel, compileOnFirstUse, programNames, type CelProgram } from './cel';

export type Template = (context: Record<string, unknown>) => string;

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

const placeholders = new WeakMap<Template, CelProgram[]>();
const lazyTemplates = new WeakMap<Template, () => Template>();

/** A template compiled on first use (built-in checklists; see compileCelLazily). */
export function compileTemplateLazily(source: string): Template {
  return compileOnFirstUse(() => compileTemplate(source), lazyTemplates);
}

/** The compiled placeholders of a template. */
export function templatePrograms(t: Template): CelProgram[] {
  return placeholders.get(lazyTemplates.get(t)?.() ?? t) ?? [];
}

/** The context names a template's placeholders read (undefined when one cannot be analysed). */
export function templateNames(t: Template): Set<string> | undefined {
  const names = new Set<string>();
  for (const p of templatePrograms(t)) {
    const n = programNames(p);
    if (!n) return undefined;
    for (const x of n) names.add(x);
  }
  return names;
}

export function compileTemplate(source: string): Template {
  const parts: (string | CelProgram)[] = [];
  let last = 0;
  for (const m of source.matchAll(PLACEHOLDER)) {
    const idx = m.index ?? 0;
    if (idx > last) parts.push(source.slice(last, idx));
    parts.push(compileCel((m[1] ?? '').trim()));
    last = idx + m[0].length;
  }
  if (last < source.length) parts.push(source.slice(last));
  if (parts.every((p) => typeof p === 'string')) {
    const text = parts.join('');
    return () => text;
  }
  const template: Template = (ctx) =>
    parts
      .map((p) => {
        if (typeof p === 'string') return p;
        try {
          return celToText(p(ctx));
        } catch {
          return '?';
        }
      })
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  placeholders.set(template, parts.filter((p): p is CelProgram => typeof p !== 'string'));
  return template;
}
