// Findings the engine itself raises (about the file, not about FCS risk). They are rules like
// any other for reporting, documentation and suppression, but are not checklist data.
import type { Severity } from '../types';

export interface MetaRule {
  id: string;
  title: string;
  severity: Severity;
  why: string;
  prompts: string[];
}

export const META_RULES: Record<string, MetaRule> = {
  'SPEC-PARSE': {
    id: 'SPEC-PARSE',
    title: 'The file is not valid YAML',
    severity: 'high',
    why: 'A file that cannot be read cannot be checked: none of the checklist ran on it.',
    prompts: ['Fix the syntax error at the marked position; the checklist runs again once the file parses.'],
  },
  'SPEC-SCHEMA': {
    id: 'SPEC-SCHEMA',
    title: 'The spec does not follow the spec format',
    severity: 'high',
    why: 'Misspelt keys and wrong values are silently ignored by the rules, which can hide a risk the spec meant to record.',
    prompts: ['Use the key or value the message suggests; the JSON Schema in schemas/fcs-spec.schema.json lists every field.'],
  },
  'SPEC-COUNTRY': {
    id: 'SPEC-COUNTRY',
    title: 'Unknown country or region code',
    severity: 'high',
    why: 'A market that cannot be matched to a country cannot be checked against the FCS list, so its risk would go unseen.',
    prompts: ['Use an ISO 3166-1 alpha-3 (ETH) or alpha-2 (ET) code, and ISO 3166-2 codes (ET-TI) for regions.'],
  },
  'FILE-TOO-LARGE': {
    id: 'FILE-TOO-LARGE',
    title: 'The file is too large to check',
    severity: 'medium',
    why: 'Very large files are not read, so that one file cannot stall the editor or a CI run. Nothing in it was checked.',
    prompts: ['Split the file (one feature per spec), or raise the limit if the file is legitimately this large.'],
  },
  'FILE-BINARY': {
    id: 'FILE-BINARY',
    title: 'The file is not text',
    severity: 'medium',
    why: 'The file contains NUL bytes, so it is not a YAML, JSON or Markdown text file; nothing in it was checked.',
    prompts: ['Check that the right file was named, and that it was saved as UTF-8 text.'],
  },
  'SPEC-MULTIDOC': {
    id: 'SPEC-MULTIDOC',
    title: 'Only the first YAML document of a spec is read',
    severity: 'medium',
    why: 'A spec file describes one feature; content after a `---` separator is not checked.',
    prompts: ['Move each feature into its own *.fcs.yaml file.'],
  },
  'DD-WAIVER-EXPIRED': {
    id: 'DD-WAIVER-EXPIRED',
    title: 'A waiver has expired',
    severity: 'high',
    why: 'A waiver accepts a risk for a limited time. After its expiry the finding it covered is open again and the acceptance must be renewed or the risk mitigated.',
    prompts: ['Has the risk been mitigated since the waiver was granted?', 'If not, who re-approves it, and until when?'],
  },
  'DD-UNKNOWN-RULE': {
    id: 'DD-UNKNOWN-RULE',
    title: 'Answer or waiver for an unknown rule',
    severity: 'low',
    why: 'An answer or waiver keyed to a rule id that no checklist defines does not cover anything; it is usually a typo.',
    prompts: ['Check the rule id against `fcs-lint rules`.'],
  },
  'CHECKLIST-BUDGET': {
    id: 'CHECKLIST-BUDGET',
    title: 'Checking stopped at the time budget',
    severity: 'medium',
    why: 'A document whose rules take too long is not allowed to stall the editor or a CI run. The rules after the one named were not evaluated, so the result is incomplete.',
    prompts: ['Split the document (one feature per spec), or report the file if it is small: a rule is unexpectedly slow on it.'],
  },
  'CHECKLIST-EVAL': {
    id: 'CHECKLIST-EVAL',
    title: 'A checklist rule could not be evaluated',
    severity: 'medium',
    why: 'A rule that fails to evaluate says nothing about the risk it checks; the result is incomplete.',
    prompts: ['Report the message to the checklist author; the rule expression does not fit this spec.'],
  },
  'SUPPRESS-NO-REASON': {
    id: 'SUPPRESS-NO-REASON',
    title: 'A suppression gives no reason',
    severity: 'medium',
    why: 'Silencing a due-diligence finding is a decision someone must be able to account for later. A `fcs-lint-disable-next-line` comment without `-- reason` suppresses nothing and is reported instead.',
    prompts: ['Why is this finding acceptable here, and who decided it?', 'Write it after `--`: `# fcs-lint-disable-next-line CTX-05 -- offline mode covered by OPS-12`.'],
  },
  'SUPPRESS-UNUSED': {
    id: 'SUPPRESS-UNUSED',
    title: 'A suppression suppresses nothing',
    severity: 'low',
    why: 'A suppression whose finding went away (or that names an unknown rule, or sits on the wrong line) hides nothing today but would silently hide a future finding on that line.',
    prompts: ['Remove the comment, or move it directly above the line the finding is reported on.'],
  },
  'LEDGER-EXPIRED': {
    id: 'LEDGER-EXPIRED',
    title: 'An accepted risk in the ledger has expired',
    severity: 'high',
    why: 'A ledger entry accepts a risk for a limited time. After its expiry the findings it covered are reported again, and the acceptance must be renewed by its approver or the risk mitigated.',
    prompts: ['Has the risk been mitigated since it was accepted?', 'If not, does the approver renew the acceptance, until when, and under which ticket?'],
  },
  'EW-REVIEW': {
    id: 'EW-REVIEW',
    title: 'Early warning: re-review the spec for a market',
    severity: 'medium',
    why: 'Elections, referendums and new risk signals (violence rising, shutdowns, closing civic space) change what a feature can do in a market. A spec reviewed before them needs a fresh look before they happen, not after.',
    prompts: [
      'Does the conflict analysis still hold for the period around the event or signal?',
      'Are crisis levers, moderation capacity in the market languages and escalation contacts ready for it?',
      'Record the re-review under dd_answers.EW-REVIEW (who, when, what changed).',
    ],
  },
};
