// The configuration commands other than lint use: the one that applies to the current
// directory (or --config FILE, or none with --no-config). Errors are printed as path:line:col.
import * as path from 'node:path';
import { toPosix } from '../../engine/config/paths';
import { ConfigResolver, type ResolvedConfig } from '../../engine/config/resolve';
import type { CliIo } from '../io';
import { nodeFiles } from './nodeFiles';

export interface CwdConfig {
  resolver: ConfigResolver;
  config: ResolvedConfig;
}

/** The resolved configuration, or undefined after printing its errors (the caller exits 2). */
export function cwdConfig(values: Record<string, unknown>, io: CliIo): CwdConfig | undefined {
  const resolver = new ConfigResolver({ files: nodeFiles, trusted: true });
  const config = values['no-config']
    ? resolver.none()
    : typeof values['config'] === 'string'
      ? resolver.forConfigFile(toPosix(path.resolve(io.cwd, values['config'])))
      : resolver.forFile(toPosix(path.join(io.cwd, '.fcs-lint-probe')));
  const errors = config.problems.filter((p) => p.level === 'error');
  for (const p of errors) io.stderr(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}  error  ${p.message}\n`);
  return errors.length ? undefined : { resolver, config };
}
