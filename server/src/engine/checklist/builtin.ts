// The built-in checklists, compiled once per process.
import { BUILTIN_CHECKLIST_FILES } from '../../generated/checklists';
import { loadChecklist, type LoadedChecklist } from './loadChecklist';

let loaded: LoadedChecklist[] | undefined;

export function builtinChecklists(): LoadedChecklist[] {
  if (!loaded) loaded = BUILTIN_CHECKLIST_FILES.map((f) => loadChecklist(f.file, f.text));
  return loaded;
}
