// Code lenses on a spec: at the top, the open due-diligence prompts, the blockers and
// "Assess feature"; on each market, its FCS category and where that comes from.
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { CodeLens } from 'vscode-languageserver/node';
import type { LintEnvironment } from '../engine/lint';
import { offsetToPosition } from '../engine/parse/yamlSource';
import type { Analysis } from './analysis';
import { countryLine } from './countryInfo';
import { COMMANDS } from './protocol';

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function codeLenses(a: Analysis, env: LintEnvironment): CodeLens[] {
  if (a.result.kind !== 'spec') return [];
  const open = a.result.findings.filter((f) => f.status === 'open');
  const prompts = open.reduce((n, f) => n + f.prompts.length, 0);
  const blockers = open.filter((f) => f.severity === 'blocker').length;
  const lenses: CodeLens[] = [
    {
      range: TOP,
      command: {
        title: `${prompts} open due-diligence question${prompts === 1 ? '' : 's'} (${open.length} finding${open.length === 1 ? '' : 's'})`,
        command: COMMANDS.showFindings,
        arguments: [a.uri],
      },
    },
    { range: TOP, command: { title: `${blockers} blocker${blockers === 1 ? '' : 's'}`, command: COMMANDS.showFindings, arguments: [a.uri, 'blocker'] } },
    { range: TOP, command: { title: 'Assess feature', command: COMMANDS.assessFeature, arguments: [a.uri] } },
  ];
  const src = a.yaml();
  const root = src.doc.contents as YamlNode | null;
  const markets = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'markets')?.value : undefined;
  if (isSeq(markets)) {
    for (const item of markets.items) {
      if (!isMap(item)) continue;
      const c = item.items.find((p) => isScalar(p.key) && p.key.value === 'country');
      const v = c?.value;
      if (!isScalar(v) || typeof v.value !== 'string' || !v.range) continue;
      const line = countryLine(env, v.value);
      if (!line) continue;
      const start = offsetToPosition(src.lineCounter, v.range[0]);
      lenses.push({ range: { start, end: start }, command: { title: line, command: '' } });
    }
  }
  return lenses;
}
