/** The risk picture speaks the document's language: scale and level labels come from the nb/nn catalogues. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX } from '../domain/risk-matrix.ts';
import { riskPictureBlocks } from './risk-report.ts';

const text = (language: 'nb' | 'nn'): string => JSON.stringify(riskPictureBlocks(DEFAULT_MATRIX, [], language));

describe('the risk picture', () => {
  it('prints nynorsk scale and level labels for a nynorsk document, bokmål for a bokmål one', () => {
    const nn = text('nn');
    for (const word of ['Svært alvorleg', 'Ubetydeleg', 'Svært lita', '(Låg)', '(Høg)']) expect(nn, word).toContain(word);
    for (const word of ['alvorlig', 'Ubetydelig', '(Lav)', '(Høy)']) expect(nn, word).not.toContain(word);
    const nb = text('nb');
    for (const word of ['Svært alvorlig', 'Svært liten', '(Lav)', '(Høy)']) expect(nb, word).toContain(word);
  });
});

describe('the risk labels', () => {
  it('the bokmål catalogue holds the same texts as the domain constants the import matches on', async () => {
    const { labelsIn } = await import('../domain/labels.ts');
    const risk = await import('../domain/risk.ts');
    const matrix = await import('../domain/risk-matrix.ts');
    const documents = await import('../domain/security-documents.ts');
    const nb = labelsIn('nb');
    expect(nb.RISK_STATUS_LABELS).toEqual(risk.RISK_STATUS_LABELS);
    expect(nb.PROBABILITY_LABELS).toEqual(risk.PROBABILITY_LABELS);
    expect(nb.CONSEQUENCE_LABELS).toEqual(risk.CONSEQUENCE_LABELS);
    expect(nb.DIMENSION_LABELS).toEqual(risk.DIMENSION_LABELS);
    expect(nb.RISK_LEVEL_LABELS).toEqual(matrix.LEVEL_LABELS);
    expect(nb.DOCUMENT_KIND_LABELS).toEqual(documents.DOCUMENT_KIND_LABELS);
  });
});
