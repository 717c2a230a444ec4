// The built-in checklists, compiled once per process. The build embeds their parsed data too
// (tools/gen-builtins.mjs), so start-up skips the YAML parse; their expressions compile on first
// use (builtinChecklistsEager compiles everything, for the tests that prove they are sound).
import { BUILTIN_CHECKLIST_FILES } from '../../generated/checklists';
import { loadChecklist, type LoadedChecklist } from './loadChecklist';

let loaded: LoadedChecklist[] | undefined;

export function builtinChecklists(): LoadedChecklist[] {
  if (!loaded) loaded = BUILTIN_CHECKLIST_FILES.map((f) => loadChecklist(f.file, f.text, f.data, true));
  return loaded;
}

/** The built-in checklists loaded like any other: schema-checked, every expression compiled now. */
export function builtinChecklistsEager(): LoadedChecklist[] {
  return BUILTIN_CHECKLIST_FILES.map((f) => loadChecklist(f.file, f.text));
}
