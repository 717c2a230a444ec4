// `fcs-lint assess SPEC`: the Assess-feature report (users × harms × risks × stakeholders
// matrix, market context, engagement coverage, findings, levers, early warning, sign-offs)
// as Markdown for PR comments, a self-contained HTML file, or JSON for tools. Engagement
// details are redacted unless --include-engagements is given. -o writes atomically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildAssessment, renderHtml, renderJson, renderMarkdown, type Assessment } from '../../engine/assess';
import { createLintEnvironment } from '../../engine/lint';
import { EXIT, type CliIo } from '../io';
import { writeFileAtomic } from '../lint/outputs';
import { formatOptionHelp, parseOptions, UsageError, type OptionSpec } from '../options';
import type { Command } from './index';

const FORMATS = ['markdown', 'html', 'json'] as const;
type AssessFormat = (typeof FORMATS)[number];

const RENDER: Record<AssessFormat, (a: Assessment) => string> = {
  markdown: renderMarkdown,
  html: (a) => renderHtml(a),
  json: renderJson,
};

const OPTIONS: OptionSpec[] = [
  { name: 'format', short: 'f', type: 'string', arg: '<name>', help: `Report format: ${FORMATS.join(', ')} (default: markdown,\nor from the -o file extension: .md, .html, .json)`, choices: FORMATS },
  { name: 'output', short: 'o', type: 'string', arg: '<path>', help: 'Write the report to <path> (atomically) instead of stdout' },
  { name: 'include-engagements', type: 'boolean', help: 'Include engagement details (organisations, dates, methods).\nLeft out by default: a leaked record can endanger participants' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Show this help' },
];

const HELP = `Usage: fcs-lint assess <spec.fcs.yaml> [options]

Builds the Assess-feature report for one spec: a context card per market, engagement
coverage, the users × harms × risks × stakeholders matrix (cells seeded from the spec's
functions are marked as suggestions until confirmed or dismissed in harms:), findings with
their due-diligence prompts, kill switches and crisis levers, early warning and sign-offs.

Options:
${formatOptionHelp(OPTIONS)}

Exit codes:
  0  the report was written (whatever it contains)
  2  usage error or unreadable spec

Examples:
  fcs-lint assess feature.fcs.yaml > assessment.md
  fcs-lint assess feature.fcs.yaml -f html -o assessment.html
  fcs-lint assess feature.fcs.yaml -f json | jq '.matrix.cells[0]'
`;

function formatFor(explicit: string | undefined, output: string | undefined): AssessFormat {
  if (explicit) return explicit as AssessFormat;
  const ext = output ? path.extname(output).toLowerCase() : '';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  return 'markdown';
}

export function runAssess(argv: string[], io: CliIo): number {
  const parsed = parseOptions(argv, OPTIONS, 'assess');
  const v = parsed.values;
  if (v['help']) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'assess needs one spec file. Example: fcs-lint assess feature.fcs.yaml' : `assess takes one spec file, got ${parsed.positionals.length}.`);
  }
  const spec = path.resolve(io.cwd, parsed.positionals[0]!);
  let text: string;
  try {
    text = fs.readFileSync(spec, 'utf8');
  } catch (e) {
    io.stderr(`fcs-lint: cannot read ${parsed.positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  }
  const output = typeof v['output'] === 'string' ? v['output'] : undefined;
  if (output === '') throw new UsageError('-o expects a file path.');
  const format = formatFor(typeof v['format'] === 'string' ? v['format'] : undefined, output);
  const env = createLintEnvironment({ now: new Date() });
  const assessment = buildAssessment(pathToFileURL(spec).href, text, env, {
    includeEngagements: !!v['include-engagements'],
    file: path.relative(io.cwd, spec).split(path.sep).join('/') || path.basename(spec),
  });
  const rendered = RENDER[format](assessment);
  if (output) {
    const target = path.resolve(io.cwd, output);
    try {
      writeFileAtomic(target, rendered);
    } catch (e) {
      io.stderr(`fcs-lint: cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return EXIT.usage;
    }
    io.stderr(`fcs-lint: wrote the ${format} assessment of ${assessment.file} to ${output}\n`);
  } else {
    io.stdout(rendered);
  }
  return EXIT.ok;
}

export const assessCommand: Command = {
  name: 'assess',
  summary: 'Build the Assess-feature report for a spec (markdown, html, json)',
  run: runAssess,
};
