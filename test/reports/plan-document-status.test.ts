/** The plan document names a replaced (erstattet) revision as such, in bokmål and nynorsk. */
import { describe, expect, it } from 'vitest';
import { buildPlanDocument } from '../../src/reports/plan-document/index.ts';
import { buildFixture } from './plan-fixture.ts';

describe('plan document status', () => {
  it('says Vedtatt for the revision in force and Erstattet for a replaced one', () => {
    const input = buildFixture();
    expect(buildPlanDocument(input).titlePage.status).toBe('Vedtatt 12.12.2024, K-sak 081/24');
    const replaced = { ...input, revision: { ...input.revision, state: 'replaced' as const } };
    expect(buildPlanDocument(replaced).titlePage.status).toBe('Vedtatt 12.12.2024, K-sak 081/24 – Erstattet av en nyere revisjon');
    const nn = { ...replaced, organization: { ...replaced.organization, language: 'nn' as const } };
    expect(buildPlanDocument(nn).titlePage.status).toContain('Erstatta av ein nyare revisjon');
  });
});
