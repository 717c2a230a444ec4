// `fcs-lint contexts [COUNTRY]`: a country's FCS category, edition and source, with the
// organisation's overrides and signals from configuration. `--changes [paths…]`: countries
// whose category changed between the two newest embedded editions, and which specs touch them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCountry, suggestCountry } from '../../engine/contexts/countries';
import { categoryIn, categoryLabel, editionByName, FCS_LISTS, type FcsEdition } from '../../engine/contexts/fcsList';
import { parseYamlSource, toData } from '../../engine/parse/yamlSource';
import { cwdConfig } from '../config/cwdConfig';
import { resolveFiles, MissingPathError } from '../files';
import { EXIT, type CliIo } from '../io';
import { formatOptionHelp, parseOptions, UsageError, type OptionSpec } from '../options';
import type { Command } from './index';

const OPTIONS: OptionSpec[] = [
  { name: 'changes', type: 'boolean', help: 'Countries whose category changed between editions, and the specs\n(in the given paths) that have them as markets' },
  { name: 'from', type: 'string', arg: '<edition>', help: 'Older edition for --changes (default: the second newest, e.g. FY24)' },
  { name: 'to', type: 'string', arg: '<edition>', help: 'Newer edition for --changes (default: the newest, e.g. FY26)' },
  { name: 'config', type: 'string', arg: '<file>', help: 'Configuration with the organisation\'s market knowledge\n(default: .fcs-lint.yaml from the current folder upwards)' },
  { name: 'no-config', type: 'boolean', help: 'Only the embedded list' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help' },
];

const HELP = `Usage: fcs-lint contexts [COUNTRY] [options]
       fcs-lint contexts --changes [files, folders or globs…]

Shows a country's category on the embedded World Bank FCS list (edition, source, retrieval
date), its category in the previous edition, and what your organisation's configuration adds
(its own category, sub-national regions, risk signals, upcoming events, shutdown history).
Without a country: every listed country by category. Not being listed never means safe.

Options:
${formatOptionHelp(OPTIONS)}
`;

function editions(): FcsEdition[] {
  return [...FCS_LISTS.editions].sort((a, b) => b.fiscalYear - a.fiscalYear);
}

function pickEdition(name: string | undefined, fallback: FcsEdition | undefined, flag: string): FcsEdition {
  if (name === undefined) {
    if (!fallback) throw new UsageError(`there is no edition to compare for ${flag}.`);
    return fallback;
  }
  const e = editionByName(name);
  if (!e) throw new UsageError(`unknown edition '${name}' for ${flag}. Embedded: ${editions().map((x) => x.edition).join(', ')}.`);
  return e;
}

function specMarkets(file: string): string[] {
  try {
    const data = toData(parseYamlSource(fs.readFileSync(file, 'utf8')).doc) as { markets?: { country?: unknown }[] } | null;
    return (Array.isArray(data?.markets) ? data.markets : [])
      .map((m) => (typeof m?.country === 'string' ? findCountry(m.country)?.alpha3 : undefined))
      .filter((x): x is string => !!x);
  } catch {
    return [];
  }
}

export const contextsCommand: Command = {
  name: 'contexts',
  summary: "Show a country's FCS category, source and your organisation's overrides; --changes between editions",
  run(argv: string[], io: CliIo): number {
    const parsed = parseOptions(argv, OPTIONS, 'contexts');
    const v = parsed.values;
    if (v['help']) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const [newest, previous] = editions();
    const out: string[] = [];
    if (v['changes']) {
      const to = pickEdition(typeof v['to'] === 'string' ? v['to'] : undefined, newest, '--to');
      const from = pickEdition(typeof v['from'] === 'string' ? v['from'] : undefined, to === newest ? previous : editions().find((e) => e.fiscalYear < to.fiscalYear), '--from');
      const codes = [...new Set([...from.conflict, ...from.fragility, ...to.conflict, ...to.fragility])].sort();
      const changed = codes.filter((c) => categoryIn(from, c) !== categoryIn(to, c));
      out.push(`Changes from ${from.edition} to ${to.edition} (World Bank FCS list):`);
      for (const c of changed) out.push(`  ${c}  ${(findCountry(c)?.name ?? c).padEnd(28)} ${categoryLabel(categoryIn(from, c))} → ${categoryLabel(categoryIn(to, c))}`);
      if (changed.length === 0) out.push('  none');
      if (parsed.positionals.length) {
        let files: string[];
        try {
          files = resolveFiles(parsed.positionals, io.cwd).files;
        } catch (e) {
          if (e instanceof MissingPathError) throw new UsageError(e.message);
          throw e;
        }
        const touched = files.map((f) => ({ f, hits: specMarkets(f).filter((c) => changed.includes(c)) })).filter((x) => x.hits.length);
        out.push('', `Specs with a changed market (${touched.length} of ${files.length}):`);
        for (const t of touched) out.push(`  ${path.relative(io.cwd, t.f).split(path.sep).join('/')}  ${[...new Set(t.hits)].join(', ')} — re-run its due diligence`);
      }
      io.stdout(out.join('\n') + '\n');
      return EXIT.ok;
    }
    const resolved = cwdConfig(v, io);
    if (!resolved) return EXIT.usage;
    const { config } = resolved;
    const code = parsed.positionals[0];
    if (parsed.positionals.length > 1) throw new UsageError('give at most one country.');
    if (!code) {
      for (const cat of ['conflict', 'fragility'] as const) {
        out.push(`${categoryLabel(cat)} (${newest!.edition}):`);
        for (const c of newest![cat]) out.push(`  ${c}  ${findCountry(c)?.name ?? c}`);
        out.push('');
      }
      const org = Object.entries(config.orgMarkets);
      if (org.length) {
        out.push("Your organisation's market knowledge:");
        for (const [c, k] of org) out.push(`  ${c}  ${findCountry(c)?.name ?? c}${k.category ? `: ${categoryLabel(k.category)}` : ''}${k.subnational ? ` (regions: ${Object.keys(k.subnational).join(', ')})` : ''}`);
        out.push('');
      }
      out.push(`Source: ${FCS_LISTS.attribution}, ${newest!.sourceUrl}. Not being listed never means safe.`);
      io.stdout(out.join('\n') + '\n');
      return EXIT.ok;
    }
    const c = findCountry(code);
    if (!c) {
      const s = suggestCountry(code);
      io.stderr(`fcs-lint contexts: unknown country '${code}'.${s ? ` Did you mean ${s.alpha3} (${s.name})?` : ''}\n`);
      return EXIT.usage;
    }
    const now = categoryIn(newest!, c.alpha3);
    out.push(`${c.name} (${c.alpha3}, ${c.alpha2})`, '');
    out.push(`  ${newest!.edition}: ${categoryLabel(now)}`);
    if (previous) out.push(`  ${previous.edition}: ${categoryLabel(categoryIn(previous, c.alpha3))}${categoryIn(previous, c.alpha3) !== now ? '  (changed)' : ''}`);
    out.push(`  Source: ${FCS_LISTS.attribution}, ${newest!.sourceUrl} (retrieved ${newest!.retrieved})`);
    if (newest!.unverified.includes(c.alpha3)) out.push('  Note: this entry is unverified against the official PDF (see server/data/fcs-lists.json).');
    const k = config.orgMarkets[c.alpha3];
    out.push('', "  Your organisation's knowledge:");
    if (!k) out.push('    none in configuration');
    else {
      if (k.category) out.push(`    category: ${categoryLabel(k.category)}${k.reason ? ` — ${k.reason}` : ''}${k.date ? ` (${k.date})` : ''}`);
      for (const [r, s] of Object.entries(k.subnational ?? {})) out.push(`    region ${r}: ${categoryLabel(s.category)}${s.reason ? ` — ${s.reason}` : ''}${s.date ? ` (${s.date})` : ''}`);
      for (const s of config.signals[c.alpha3] ?? []) out.push(`    risk signal: ${s.signal}${s.since ? ` since ${s.since}` : ''}${s.note ? ` — ${s.note}` : ''}`);
      for (const e of k.upcoming_events ?? []) out.push(`    upcoming ${e.type}: ${e.date}${e.note ? ` — ${e.note}` : ''}`);
      if (k.shutdown_history) out.push('    shutdown history: yes');
    }
    out.push('', '  Not being listed never means safe: the list is not comprehensive and misses sub-national conflicts.');
    io.stdout(out.join('\n') + '\n');
    return EXIT.ok;
  },
};
