// Which kind of document a file is. File names hint; content decides for ambiguous names.
import { detectFlagFormat } from './formats/readFlags';
import type { YamlParser } from './parse/yamlSource';
import type { DocumentKind } from './types';
import { DEFAULT_PRD_GLOBS, isLintableMarkdown, isMarkdownPath } from './markdown/detect';

const SPEC_NAME = /\.fcs\.ya?ml$/i;
const SPEC_CONTENT = /^spec_version\s*:/m;
const DATA_FILE = /\.(json|ya?ml)$/i;
/** Names flag files usually have (they only make the linter look; content decides). */
const FLAG_NAME_HINT = /(\.flagd\.(json|ya?ml)|\.goff\.(json|ya?ml)|(^|[/\\])(features|flags|flag-config|flagd|unleash[^/\\]*|launchdarkly[^/\\]*|[^/\\]*-flags|bootstrap[^/\\]*|export[^/\\]*)\.(json|ya?ml))$/i;
/** `first`, then `then` somewhere after it (two linear scans; one pattern with `[\s\S]*` between them backtracks). */
const followedBy = (first: RegExp, then: RegExp) => (text: string): boolean => {
  const m = first.exec(text);
  if (!m) return false;
  then.lastIndex = m.index + m[0].length;
  return then.test(text);
};

/** Cheap content signatures of the five supported flag formats (flag-formats.md §6.2). */
const FLAG_SIGNATURES: ((text: string) => boolean)[] = [
  /flagd\.dev\/schema|core\.openfeature\.dev\//,
  /["']?defaultVariant["']?\s*:/,
  /_FLAG_TYPE\b|\bmatch_type\s*:|["']?distributions["']?\s*:|["']?rollouts["']?\s*:/,
  followedBy(/["']?variations["']?\s*:/, /["']?(defaultRule|targeting)["']?\s*:/g),
  /["']?(strategies|featureStrategies)["']?\s*:/,
  /["']?(offVariation|fallthrough|flagValues)["']?\s*:/,
].map((s) => (s instanceof RegExp ? (text: string) => s.test(text) : s));

/** The engine reads at most this much text to decide the kind (lint.ts passes a prefix). */
const PREFIX = 65536;

/**
 * `markdownGlobs`: Markdown files matching these are PRDs even without an `fcs:` block in the
 * front matter (setting fcsLint.markdown.globs; defaults to DEFAULT_PRD_GLOBS). `parse`: how a
 * possible flag file's text becomes a tree (a caller's cache: the lint then reuses the parse).
 */
export function detectKind(uri: string, text: string, markdownGlobs: readonly string[] = DEFAULT_PRD_GLOBS, parse?: YamlParser): DocumentKind {
  const path = uri.replace(/[?#].*$/, '');
  if (SPEC_NAME.test(path)) return 'spec';
  if (isMarkdownPath(path)) return isLintableMarkdown(uri, text, markdownGlobs) ? 'markdown' : 'unknown';
  if (/\.ya?ml$/i.test(path) && SPEC_CONTENT.test(text.slice(0, 4096)) && /^feature\s*:/m.test(text)) return 'spec';
  if (DATA_FILE.test(path) && looksLikeFlags(text, parse)) return 'flags';
  return 'unknown';
}

function looksLikeFlags(text: string, parse?: YamlParser): boolean {
  const head = text.slice(0, PREFIX);
  if (!FLAG_SIGNATURES.some((matches) => matches(head))) return false;
  // A prefix of a long file cannot be parsed; its signature decides, and lintFlagDocument
  // reads the whole text (reporting nothing when it is not a flag file after all).
  if (text.length >= PREFIX) return true;
  return detectFlagFormat(text, parse) !== undefined;
}

/** Whether a path is one the linter reads when given a folder. */
export function isLintable(path: string): boolean {
  return SPEC_NAME.test(path) || FLAG_NAME_HINT.test(path);
}
