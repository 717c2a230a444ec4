// fcs-lint command line. Exit codes: 0 clean, 1 findings at/above --fail-on, 2 usage/tool error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLintEnvironment, lintDocument } from '../engine/lint';
import { editionLabel } from '../engine/contexts/fcsList';
import { severityRank } from '../engine/types';
import { HELP, parseCli, UsageError } from './args';
import { MissingPathError, resolveFiles } from './files';
import { formatJson } from './reporters/json';
import { toReport, type FileReport } from './reporters/report';
import { formatStylish } from './reporters/stylish';

declare const FCS_LINT_VERSION: string | undefined;

export function run(argv: string[], io: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void; isTTY: boolean; env: NodeJS.ProcessEnv }): number {
  let opts;
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`fcs-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout(`${typeof FCS_LINT_VERSION === 'string' ? FCS_LINT_VERSION : '0.1.0'}\n`);
    return 0;
  }
  if (opts.patterns.length === 0) {
    io.stderr('fcs-lint: no files, folders or globs given. Example: fcs-lint examples/ (see --help).\n');
    return 2;
  }
  let files: string[];
  try {
    files = resolveFiles(opts.patterns, io.cwd);
  } catch (e) {
    if (e instanceof MissingPathError) {
      io.stderr(`fcs-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const env = createLintEnvironment({ now: new Date() });
  const reports: FileReport[] = [];
  let toolError = false;
  for (const file of files) {
    const rel = path.relative(io.cwd, file) || file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr(`fcs-lint: cannot read ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      toolError = true;
      continue;
    }
    const result = lintDocument(file, text, env);
    if (result.kind === 'unknown') {
      io.stderr(`fcs-lint: skipped ${rel}: not an fcs-lint spec (*.fcs.yaml with spec_version and feature).\n`);
      continue;
    }
    reports.push(toReport(rel.split(path.sep).join('/'), result));
  }
  const color = opts.color ?? (io.isTTY && !io.env['NO_COLOR']);
  io.stdout(opts.format === 'json' ? formatJson(reports) : formatStylish(reports, { color, edition: editionLabel(env.edition) }));
  if (toolError) return 2;
  const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) >= severityRank(opts.failOn)));
  return failing ? 1 : 0;
}

if (require.main === module || process.argv[1]?.endsWith('fcs-lint') || process.argv[1]?.endsWith('fcs-lint.js')) {
  let code: number;
  try {
    code = run(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      isTTY: !!process.stdout.isTTY,
      env: process.env,
    });
  } catch (e) {
    process.stderr.write(`fcs-lint: internal error: ${(e as Error).stack ?? String(e)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
