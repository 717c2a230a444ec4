// SARIF 2.1.0 for code scanning: the rule catalogue with help text and help URIs, results
// with relative artifact URIs (uriBaseId SRCROOT), 1-based regions in UTF-16 columns, and
// partial fingerprints that do not depend on line numbers, so code scanning keeps tracking a
// finding when lines move.
import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Severity } from '../../engine/types';
import { helpUri, type FileReport, type ReportContext, type ReportedFinding, type RuleMeta } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Fingerprint name: bump the version if the recipe changes. */
export const FINGERPRINT_KEY = 'fcsFinding/v1';

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { blocker: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** Message text without the volatile parts: the data-edition suffix, case and whitespace. */
export function normaliseMessage(f: Pick<ReportedFinding, 'message' | 'dataEdition'>): string {
  let m = f.message;
  if (f.dataEdition && m.endsWith(` (${f.dataEdition})`)) m = m.slice(0, -(f.dataEdition.length + 3));
  return m.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** sha256 of rule id, file, JSON pointer and normalised message — no line numbers. */
export function findingFingerprint(filePath: string, f: Pick<ReportedFinding, 'ruleId' | 'pointer' | 'message' | 'dataEdition'>): string {
  return createHash('sha256').update([f.ruleId, filePath, f.pointer, normaliseMessage(f)].join('\u0000')).digest('hex');
}

function ruleHelp(r: RuleMeta, uri: string | undefined): { text: string; markdown: string } {
  const text: string[] = [r.title + '.'];
  const md: string[] = [`**${r.title}**`];
  if (r.why) {
    text.push('', r.why);
    md.push('', r.why);
  }
  if (r.prompts.length) {
    text.push('', 'Due-diligence questions:', ...r.prompts.map((p) => `- ${p}`));
    md.push('', '**Due-diligence questions**', '', ...r.prompts.map((p) => `- ${p}`));
  }
  if (r.mitigations.length) {
    text.push('', 'Mitigations:', ...r.mitigations.map((p) => `- ${p}`));
    md.push('', '**Mitigations**', '', ...r.mitigations.map((p) => `- ${p}`));
  }
  if (uri) {
    text.push('', `Documentation: ${uri}`);
    md.push('', `[Rule documentation](${uri})`);
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

function ruleDescriptor(r: RuleMeta, ctx: ReportContext): Sarif.ReportingDescriptor {
  const uri = helpUri(ctx, r.id);
  return {
    id: r.id,
    name: r.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: r.title },
    fullDescription: { text: r.why ?? r.title },
    help: ruleHelp(r, uri),
    ...(uri ? { helpUri: uri } : {}),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: {
      tags: ['fcs', r.source],
      'fcs-severity': r.severity,
      ...(r.basis.length ? { basis: r.basis } : {}),
    },
  };
}

export function formatSarif(reports: FileReport[], ctx: ReportContext): string {
  const rules = [...ctx.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // A finding whose rule is not in the catalogue still gets a descriptor.
  for (const rep of reports)
    for (const f of rep.findings)
      if (!index.has(f.ruleId)) {
        index.set(f.ruleId, rules.length);
        rules.push({ id: f.ruleId, title: f.title, severity: f.severity, prompts: f.prompts, mitigations: f.mitigations, basis: f.basis, source: 'unknown' });
      }
  const artifacts: Sarif.Artifact[] = reports.map((r) => ({ location: { uri: encodeUriPath(r.filePath), uriBaseId: 'SRCROOT' } }));
  const results: Sarif.Result[] = [];
  reports.forEach((rep, artifactIndex) => {
    const seen = new Map<string, number>();
    for (const f of rep.findings) {
      let fp = findingFingerprint(rep.filePath, f);
      const n = (seen.get(fp) ?? 0) + 1;
      seen.set(fp, n);
      if (n > 1) fp = `${fp}:${n}`;
      const result: Sarif.Result = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeUriPath(rep.filePath), uriBaseId: 'SRCROOT', index: artifactIndex },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
            ...(f.pointer ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'member' }] } : {}),
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fp },
        properties: {
          'fcs-severity': f.severity,
          status: f.status,
          ...(f.prompts.length ? { prompts: f.prompts } : {}),
          ...(f.dataEdition ? { dataEdition: f.dataEdition } : {}),
        },
      };
      if (f.status !== 'open') {
        result.suppressions = [
          {
            kind: 'inSource',
            status: 'accepted',
            justification: f.status === 'waived' ? `Waived in the spec's dd_waivers${f.waivedUntil ? ` until ${f.waivedUntil}` : ''}.` : "Acknowledged by an answer in the spec's dd_answers.",
          },
        ];
      }
      results.push(result);
    }
  });
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'fcs-lint',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            ...(ctx.informationUri ? { informationUri: ctx.informationUri } : {}),
            rules: rules.map((r) => ruleDescriptor(r, ctx)),
          },
        },
        originalUriBaseIds: {
          SRCROOT: ctx.rootUri ? { uri: ctx.rootUri } : { description: { text: 'The directory fcs-lint ran in.' } },
        },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        properties: {
          dataEdition: ctx.edition,
          failOn: ctx.failOn,
          ...(ctx.stage ? { stage: ctx.stage } : {}),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUriPath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
