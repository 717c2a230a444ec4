// The Assess-feature report: one builder, three renderers.
export { buildAssessment, ASSESSED_SECTIONS, type AssessOptions } from './buildAssessment';
export type * from './types';
export { renderMarkdown } from './render/markdown';
export { renderHtml, type HtmlOptions } from './render/html';
export { renderJson } from './render/json';
export { scoreRow, severityOf, tierOf, compareScores, TIERS, type Score, type Tier } from './scoring';
export { SEED_MATRIX, seedCells } from './seedMatrix';
export * as taxonomy from './taxonomy';
