// The guided flow: feature name → functions → markets (with their FCS category) → user
// groups → data categories → lifecycle stage. Back goes to the previous step with its answer
// kept; Escape cancels without touching anything.
import * as vscode from 'vscode';
import { allCountries } from '../../../server/src/engine/contexts/countries';
import { categoryIn, editionLabel, type FcsEdition } from '../../../server/src/engine/contexts/fcsList';
import { DATA_CATEGORIES, FUNCTIONS, label, STAGES, USER_GROUPS } from '../../../server/src/engine/assess/taxonomy';
import { BACK, inputStep, pickStep, type PickItem } from './multiStep';
import type { AssessAnswers } from './specUpdate';

const TITLE = 'FCS: Assess feature';
const TOTAL = 6;

const items = (ids: string[]): PickItem<string>[] => ids.map((id) => ({ label: label(id), description: id, value: id }));

function marketItems(edition: FcsEdition): PickItem<string>[] {
  const all = allCountries().sort((a, b) => a.name.localeCompare(b.name));
  const ed = editionLabel(edition);
  const item = (c: { alpha3: string; name: string }, cat: string): PickItem<string> => ({
    label: c.name,
    description: `${c.alpha3} · ${cat === 'none' ? 'not on the FCS list' : `FCS: ${cat}`}`,
    detail: cat === 'none' ? undefined : `${ed}`,
    value: c.alpha3,
  });
  const listed = all.filter((c) => categoryIn(edition, c.alpha3) !== 'none');
  const others = all.filter((c) => categoryIn(edition, c.alpha3) === 'none');
  return [
    { label: `On the ${ed} list`, kind: vscode.QuickPickItemKind.Separator },
    ...listed.map((c) => item(c, categoryIn(edition, c.alpha3))),
    { label: 'Other markets (not being listed does not mean low risk)', kind: vscode.QuickPickItemKind.Separator },
    ...others.map((c) => item(c, 'none')),
  ];
}

export async function runGuidedFlow(initial: AssessAnswers, edition: FcsEdition): Promise<AssessAnswers | undefined> {
  const a: AssessAnswers = { ...initial };
  let step = 1;
  while (step <= TOTAL) {
    let r: unknown;
    switch (step) {
      case 1:
        r = await inputStep({ title: TITLE, step, total: TOTAL, prompt: 'Feature name', value: a.name, validate: (v) => (v.trim() ? undefined : 'Give the feature a name.') });
        if (typeof r === 'string') a.name = r.trim();
        break;
      case 2:
        r = await pickStep({ title: TITLE, step, total: TOTAL, placeholder: 'Which product functions does the feature have? (pre-selected: from the spec or inferred)', items: items(FUNCTIONS), selected: a.functions, many: true });
        if (Array.isArray(r)) a.functions = r as string[];
        break;
      case 3:
        r = await pickStep({ title: TITLE, step, total: TOTAL, placeholder: 'Which markets will it launch in?', items: marketItems(edition), selected: a.markets, many: true });
        if (Array.isArray(r)) a.markets = r as string[];
        break;
      case 4:
        r = await pickStep({ title: TITLE, step, total: TOTAL, placeholder: 'Which user groups are in scope?', items: items(USER_GROUPS), selected: a.userGroups, many: true });
        if (Array.isArray(r)) a.userGroups = r as string[];
        break;
      case 5:
        r = await pickStep({ title: TITLE, step, total: TOTAL, placeholder: 'Which categories of data does it collect or process?', items: DATA_CATEGORIES.map((d) => ({ label: d.replace(/_/g, ' '), description: d, value: d })), selected: a.dataCategories, many: true });
        if (Array.isArray(r)) a.dataCategories = r as string[];
        break;
      default:
        r = await pickStep({ title: TITLE, step, total: TOTAL, placeholder: 'Which lifecycle stage is the feature in?', items: items(STAGES), selected: [a.stage], many: false });
        if (Array.isArray(r)) a.stage = (r[0] as string | undefined) ?? a.stage;
    }
    if (r === undefined) return undefined;
    step = r === BACK ? Math.max(1, step - 1) : step + 1;
  }
  return a;
}
