// Command-line arguments: parsed strictly, so an unknown option or a bad value is a usage
// error (exit 2) that says what was expected.
import { parseArgs } from 'node:util';
import { SEVERITIES, type Severity } from '../engine/types';

export const FORMATS = ['stylish', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  command: 'lint';
  patterns: string[];
  format: Format;
  failOn: Severity;
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: fcs-lint [options] <files, folders or globs…>

Checks product specs (*.fcs.yaml) for risks in fragile and conflict-affected settings (FCS)
against the built-in FCS checklist, and prints each finding with its due-diligence questions.

Options:
  -f, --format <name>     Output format: ${FORMATS.join(', ')} (default: stylish)
      --fail-on <sev>     Lowest severity that fails the run: ${SEVERITIES.join(', ')} (default: high)
      --color / --no-color  Force colour on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help              Show this help
  -v, --version           Show the version

Exit codes:
  0  no finding at or above the --fail-on severity
  1  at least one finding at or above the --fail-on severity
  2  usage error or tool error (bad option, missing path, unreadable file)

Examples:
  fcs-lint examples/
  fcs-lint "specs/**/*.fcs.yaml" --format json > findings.json
  fcs-lint feature.fcs.yaml --fail-on blocker
`;

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'fail-on': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}. Run fcs-lint --help for the options.`);
  }
  const v = parsed.values;
  const format = (v.format ?? 'stylish') as Format;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown format '${v.format}'. Expected one of: ${FORMATS.join(', ')}.`);
  }
  const failOn = (v['fail-on'] ?? 'high') as Severity;
  if (!(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new UsageError(`Unknown severity '${v['fail-on']}' for --fail-on. Expected one of: ${SEVERITIES.join(', ')}.`);
  }
  return {
    command: 'lint',
    patterns: parsed.positionals,
    format,
    failOn,
    color: v['no-color'] ? false : v.color ? true : undefined,
    help: !!v.help,
    version: !!v.version,
  };
}
