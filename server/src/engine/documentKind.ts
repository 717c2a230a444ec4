// Which kind of document a file is. File names hint; content decides for ambiguous names.
import type { DocumentKind } from './types';

const SPEC_NAME = /\.fcs\.ya?ml$/i;
const SPEC_CONTENT = /^spec_version\s*:/m;

export function detectKind(uri: string, text: string): DocumentKind {
  const path = uri.replace(/[?#].*$/, '');
  if (SPEC_NAME.test(path)) return 'spec';
  if (/\.ya?ml$/i.test(path) && SPEC_CONTENT.test(text.slice(0, 4096)) && /^feature\s*:/m.test(text)) return 'spec';
  return 'unknown';
}

/** Whether a path is one the linter reads when given a folder. */
export function isLintable(path: string): boolean {
  return SPEC_NAME.test(path);
}
