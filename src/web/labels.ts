/**
 * The domain's field and enum labels in the interface language. `LanguageProvider` sets the
 * language as it renders (before its children), and every record here reads the catalogue of that
 * language (src/domain/i18n/labels.nb.ts or labels.nn.ts) when a key is looked up, so code written
 * as `LIFECYCLE_LABELS[x]` or `label('name')` shows nynorsk to a nynorsk user.
 */
import type { Language } from '../domain/organization.ts';
import { fieldLabel as domainFieldLabel, labelsIn, type Labels } from '../domain/labels.ts';

let current: Language = 'nb';

/** The interface language (the API is asked to answer in it: Accept-Language). */
export function labelLanguage(): Language {
  return current;
}

/** Called by LanguageProvider while it renders. */
export function setLabelLanguage(language: Language): void {
  current = language;
}

function inLanguage<K extends keyof Labels>(name: K): Labels[K] {
  const record = (): Record<string, string> => labelsIn(current)[name] as Record<string, string>;
  return new Proxy({} as Labels[K], {
    get: (_target, key) => (typeof key === 'string' ? record()[key] : undefined),
    has: (_target, key) => typeof key === 'string' && key in record(),
    ownKeys: () => Reflect.ownKeys(record()),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === 'string' ? record()[key] : undefined;
      return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
    },
  });
}

export const FIELD_LABELS = inLanguage('FIELD_LABELS');
export const ROLE_LABELS = inLanguage('ROLE_LABELS');
export const STAFF_ACCESS_LABELS = inLanguage('STAFF_ACCESS_LABELS');
export const ORG_KIND_LABELS = inLanguage('ORG_KIND_LABELS');
export const LANGUAGE_LABELS = inLanguage('LANGUAGE_LABELS');
export const COST_KEY_LABELS = inLanguage('COST_KEY_LABELS');
export const LINE_TYPE_LABELS = inLanguage('LINE_TYPE_LABELS');
export const OWNERSHIP_LABELS = inLanguage('OWNERSHIP_LABELS');
export const MEASURE_STATUS_LABELS = inLanguage('MEASURE_STATUS_LABELS');
export const PRIORITY_LABELS = inLanguage('PRIORITY_LABELS');
export const REVISION_STATUS_LABELS = inLanguage('REVISION_STATUS_LABELS');
export const COST_KIND_LABELS = inLanguage('COST_KIND_LABELS');
export const LIFECYCLE_LABELS = inLanguage('LIFECYCLE_LABELS');
export const CRITICALITY_LABELS = inLanguage('CRITICALITY_LABELS');
export const HOSTING_LABELS = inLanguage('HOSTING_LABELS');
export const SYSTEM_ROLE_LABELS = inLanguage('SYSTEM_ROLE_LABELS');
export const CONTRACT_TYPE_LABELS = inLanguage('CONTRACT_TYPE_LABELS');
export const INTEGRATION_DIRECTION_LABELS = inLanguage('INTEGRATION_DIRECTION_LABELS');
export const INTEGRATION_STANDARD_LABELS = inLanguage('INTEGRATION_STANDARD_LABELS');
export const INTEGRATION_STATUS_LABELS = inLanguage('INTEGRATION_STATUS_LABELS');
export const DPA_STATUS_LABELS = inLanguage('DPA_STATUS_LABELS');
export const QUALITY_GAP_LABELS = inLanguage('QUALITY_GAP_LABELS');
export const TABLE_LABELS = inLanguage('TABLE_LABELS');
export const BENEFIT_KIND_LABELS = inLanguage('BENEFIT_KIND_LABELS');
export const BENEFIT_DISPOSITION_LABELS = inLanguage('BENEFIT_DISPOSITION_LABELS');
export const REPORT_STATUS_LABELS = inLanguage('REPORT_STATUS_LABELS');
export const FLAG_LABELS = inLanguage('FLAG_LABELS');

/** The label of a field (validation path) in the interface language. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  return domainFieldLabel(path, current);
}
export const RISK_STATUS_LABELS = inLanguage('RISK_STATUS_LABELS');
export const PROBABILITY_LABELS = inLanguage('PROBABILITY_LABELS');
export const CONSEQUENCE_LABELS = inLanguage('CONSEQUENCE_LABELS');
export const DIMENSION_LABELS = inLanguage('DIMENSION_LABELS');
export const RISK_LEVEL_LABELS = inLanguage('RISK_LEVEL_LABELS');
export const DOCUMENT_KIND_LABELS = inLanguage('DOCUMENT_KIND_LABELS');
