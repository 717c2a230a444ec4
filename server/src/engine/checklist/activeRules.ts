// The rules a document kind evaluates: not switched off by configuration, for its target (a
// spec or a flag file). Computed once per checklist set, rule settings and target.
import type { CompiledRule, LoadedChecklist } from './loadChecklist';

type Target = 'spec' | 'flags';
type Settings = Map<string, { off?: boolean }>;

const cache = new WeakMap<LoadedChecklist[], WeakMap<Settings, Partial<Record<Target, CompiledRule[]>>>>();

export function activeRules(checklists: LoadedChecklist[], settings: Settings, target: Target): CompiledRule[] {
  let bySettings = cache.get(checklists);
  if (!bySettings) cache.set(checklists, (bySettings = new WeakMap()));
  let byTarget = bySettings.get(settings);
  if (!byTarget) bySettings.set(settings, (byTarget = {}));
  return (byTarget[target] ??= checklists.flatMap((c) => c.rules).filter((r) => (r.target ?? 'spec') === target && !settings.get(r.id)?.off));
}
