// `fcs-lint rules` lists every rule in effect (built-in, configured checklists, engine
// findings); `fcs-lint rules CTX-01` prints the full rule card.
import * as path from 'node:path';
import type { CompiledRule } from '../../engine/checklist/loadChecklist';
import { toPosix } from '../../engine/config/paths';
import { findRule } from '../../engine/lint';
import { META_RULES } from '../../engine/meta/metaRules';
import { closest } from '../../engine/util/didYouMean';
import { cwdConfig } from '../config/cwdConfig';
import { EXIT, type CliIo } from '../io';
import { formatOptionHelp, parseOptions, UsageError, type OptionSpec } from '../options';
import type { Command } from './index';

const OPTIONS: OptionSpec[] = [
  { name: 'config', type: 'string', arg: '<file>', help: 'Use this configuration (default: .fcs-lint.yaml from the current folder upwards)' },
  { name: 'no-config', type: 'boolean', help: 'Only the built-in rules' },
  { name: 'json', type: 'boolean', help: 'Print JSON' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help' },
];

const HELP = `Usage: fcs-lint rules [RULE-ID] [options]

Lists the rules in effect (built-in checklist, checklists from your configuration, engine
findings), or prints one rule's full card: severity, stage, why it matters, due-diligence
questions, mitigations, basis, cases and the condition that fires it.

Options:
${formatOptionHelp(OPTIONS)}
`;

function card(r: CompiledRule, setting: string | undefined): string {
  const lines = [
    `${r.id}: ${r.title}`,
    '',
    `  Severity     ${r.severity}${r.escalate.length ? ` (raised to ${[...new Set(r.escalate.map((e) => e.to))].join(', ')} when ${r.escalate.map((e) => e.source).join('; ')})` : ''}${setting ? ` — configured: ${setting}` : ''}`,
    `  From stage   ${r.stage}`,
    `  Applies to   ${r.applies === 'fcs' ? 'specs with a fragile or conflict-affected market' : 'every spec'}`,
    `  Category     ${r.category}`,
    `  Checklist    ${r.checklist}`,
    '',
  ];
  if (r.why) lines.push('Why it matters', `  ${r.why.trim()}`, '');
  lines.push('Due-diligence questions', ...r.prompts.map((p) => `  - ${p}`), '');
  if (r.mitigations.length) lines.push('Suggested mitigations', ...r.mitigations.map((m) => `  - ${m}`), '');
  if (r.basis.length) lines.push('Basis', ...r.basis.map((b) => `  - ${b}`), '');
  if (r.cases.length) lines.push('Cases', ...r.cases.map((c) => `  - ${c}`), '');
  lines.push('Fires when', `  ${r.whenSource.trim()}`, '');
  if (r.checklist.startsWith('fcs:')) lines.push(`Documentation: docs/rules/${r.id}.md`, '');
  return lines.join('\n');
}

function describeSetting(s: { off?: boolean; severity?: string; atLeast?: string } | undefined): string | undefined {
  if (!s) return undefined;
  if (s.off) return 'off';
  return [s.severity, s.atLeast ? `at least ${s.atLeast}` : undefined].filter(Boolean).join(', ') || undefined;
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'List the rules in effect, or print one rule card (fcs-lint rules CTX-01)',
  run(argv: string[], io: CliIo): number {
    const parsed = parseOptions(argv, OPTIONS, 'rules');
    const v = parsed.values;
    if (v['help']) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 1) throw new UsageError('give at most one rule id.');
    const resolved = cwdConfig(v, io);
    if (!resolved) return EXIT.usage;
    const { resolver, config } = resolved;
    const env = resolver.environmentFor(config, toPosix(path.join(io.cwd, 'x')), { now: new Date() });
    const rules = env.checklists.flatMap((c) => c.rules);
    const id = parsed.positionals[0]?.toUpperCase();
    if (id) {
      const r = findRule(env, id);
      const meta = META_RULES[id];
      if (!r && !meta) {
        const s = closest(id, [...rules.map((x) => x.id), ...Object.keys(META_RULES)]);
        io.stderr(`fcs-lint rules: no rule ${id}.${s ? ` Did you mean ${s}?` : ''} Run fcs-lint rules for the list.\n`);
        return EXIT.usage;
      }
      if (v['json']) {
        io.stdout(JSON.stringify(r ? { ...r, when: r.whenSource, escalate: r.escalate.map((e) => ({ if: e.source, to: e.to })), message: undefined } : { ...meta, engine: true }, null, 2) + '\n');
        return EXIT.ok;
      }
      if (r) io.stdout(card(r, describeSetting(env.ruleSettings.get(r.id))));
      else if (meta) io.stdout([`${meta.id}: ${meta.title}`, '', `  Severity     ${meta.severity}`, '  Raised by    the engine (not a checklist rule)', '', 'Why it matters', `  ${meta.why}`, '', 'What to do', ...meta.prompts.map((p) => `  - ${p}`), '', `Documentation: docs/rules/${meta.id}.md`, ''].join('\n'));
      return EXIT.ok;
    }
    if (v['json']) {
      io.stdout(JSON.stringify(rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity, stage: r.stage, applies: r.applies, checklist: r.checklist, setting: describeSetting(env.ruleSettings.get(r.id)) })), null, 2) + '\n');
      return EXIT.ok;
    }
    const w = Math.max(...rules.map((r) => r.id.length), 8) + 2;
    const lines = rules.map((r) => {
      const s = describeSetting(env.ruleSettings.get(r.id));
      return `${r.id.padEnd(w)}${r.severity.padEnd(8)}${r.stage.padEnd(12)}${r.title}${r.checklist.startsWith('fcs:') ? '' : `  [${r.checklist}]`}${s ? `  (configured: ${s})` : ''}`;
    });
    lines.push('', `${rules.length} checklist rules. Engine findings: ${Object.keys(META_RULES).join(', ')}.`, 'fcs-lint rules <ID> prints the full card.', '');
    io.stdout(lines.join('\n'));
    return EXIT.ok;
  },
};
