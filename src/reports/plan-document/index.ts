/** The plan document model and its builder; see build.ts. */
export { buildPlanDocument, documentFileName } from './build.ts';
export { DOCUMENT_STRINGS, type DocStrings } from './strings.ts';
export { textBlocks } from './helpers.ts';
export * from './model.ts';
