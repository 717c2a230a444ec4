// The lint command: options → files → engine → reporters → exit code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { editionLabel } from '../../engine/contexts/fcsList';
import { createLintEnvironment, lintDocument } from '../../engine/lint';
import { severityRank } from '../../engine/types';
import { MissingPathError, resolveFiles } from '../files';
import { EXIT, VERSION, type CliIo } from '../io';
import { UsageError } from '../options';
import { reporterFor } from '../reporters';
import { toReport, type FileReport } from '../reporters/report';
import { lintHelp, parseLintOptions } from './options';

export function runLint(argv: string[], io: CliIo): number {
  const opts = parseLintOptions(argv);
  if (opts.help) {
    io.stdout(lintHelp());
    return EXIT.ok;
  }
  if (opts.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (opts.patterns.length === 0) throw new UsageError('no files, folders or globs given. Example: fcs-lint examples/ (see --help).');
  let files: string[];
  try {
    files = resolveFiles(opts.patterns, io.cwd);
  } catch (e) {
    if (e instanceof MissingPathError) throw new UsageError(e.message);
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
  for (const o of opts.outputs) io.stdout(reporterFor(o.format).render(reports, { color, edition: editionLabel(env.edition) }));
  if (toolError) return EXIT.usage;
  const failing = reports.some((r) => r.findings.some((f) => severityRank(f.severity) >= severityRank(opts.failOn)));
  return failing ? EXIT.findings : EXIT.ok;
}
