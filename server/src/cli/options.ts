// Option tables: every command declares its options as data (name, type, placeholder, help,
// allowed values). One parser turns argv into values and one formatter prints the help, so an
// unknown option or a bad value is always a usage error (exit 2) that says what was expected.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface OptionSpec {
  /** Long name without the dashes, e.g. `fail-on`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** May be given several times (values are collected in order). */
  multiple?: boolean;
  /** Placeholder in the help, e.g. `<severity>`. */
  arg?: string;
  help: string;
  /** Allowed values of a string option; anything else is a usage error listing them. */
  choices?: readonly string[];
}

export type OptionValue = string | boolean | string[] | boolean[] | undefined;

export interface ParsedOptions {
  values: Record<string, OptionValue>;
  positionals: string[];
  /** Options in command-line order (for options whose meaning depends on order, like -f/-o). */
  order: { name: string; value: string | undefined }[];
}

export function parseOptions(argv: string[], table: readonly OptionSpec[], command: string): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const o of table) options[o.name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${msg}. Run fcs-lint ${command} --help for the options.`);
  }
  const values = { ...parsed.values } as Record<string, OptionValue>;
  for (const o of table) {
    if (!o.choices) continue;
    const v = values[o.name];
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
    for (const item of list) {
      if (typeof item === 'string' && !o.choices.includes(item)) {
        throw new UsageError(`Unknown value '${item}' for --${o.name}. Expected one of: ${o.choices.join(', ')}.`);
      }
    }
  }
  const order: ParsedOptions['order'] = [];
  for (const t of parsed.tokens ?? []) if (t.kind === 'option') order.push({ name: t.name, value: t.value });
  return { values, positionals: parsed.positionals, order };
}

/** Read a string option that must be a non-negative integer. */
export function intOption(value: OptionValue, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--${name} expects a whole number ≥ 0, got '${String(value)}'.`);
  return Number(value);
}

/** The "Options:" block of a help text, generated from the table. */
export function formatOptionHelp(table: readonly OptionSpec[]): string {
  const rows = table.map((o) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
    return [flag, o.help + (o.choices && !o.help.includes(o.choices[0]!) ? ` (${o.choices.join(', ')})` : '')] as const;
  });
  const width = Math.min(30, Math.max(...rows.map(([f]) => f.length)) + 2);
  return rows
    .map(([flag, help]) => {
      const lines = help.split('\n');
      const first = flag.length + 2 > width ? `  ${flag}\n  ${' '.repeat(width)}${lines[0]}` : `  ${flag.padEnd(width)}${lines[0]}`;
      return [first, ...lines.slice(1).map((l) => `  ${' '.repeat(width)}${l}`)].join('\n');
    })
    .join('\n');
}
