/**
 * Field and enum labels in the user's language, from the one catalogue per language
 * (src/domain/i18n/labels.nb.ts and labels.nn.ts, beside the web texts nb.ts and nn.ts). Shared by
 * API error messages, web forms, exports, documents and innsyn. The constants below are the bokmål
 * records, kept for code that has no language at hand; code that has one uses `labelsIn`.
 */
import type { Language } from './organization.ts';
import { labelsNb, type Labels } from './i18n/labels.nb.ts';
import { labelsNn } from './i18n/labels.nn.ts';

export type { Labels } from './i18n/labels.nb.ts';

const LABELS: Record<Language, Labels> = { nb: labelsNb, nn: labelsNn };

/** Every label record in the language. */
export function labelsIn(language: Language): Labels {
  return LABELS[language];
}

export const {
  FIELD_LABELS,
  ROLE_LABELS,
  STAFF_ACCESS_LABELS,
  ORG_KIND_LABELS,
  LANGUAGE_LABELS,
  COST_KEY_LABELS,
  LINE_TYPE_LABELS,
  OWNERSHIP_LABELS,
  MEASURE_STATUS_LABELS,
  PRIORITY_LABELS,
  REVISION_STATUS_LABELS,
  COST_KIND_LABELS,
  LIFECYCLE_LABELS,
  CRITICALITY_LABELS,
  HOSTING_LABELS,
  SYSTEM_ROLE_LABELS,
  CONTRACT_TYPE_LABELS,
  INTEGRATION_DIRECTION_LABELS,
  INTEGRATION_STANDARD_LABELS,
  INTEGRATION_STATUS_LABELS,
  DPA_STATUS_LABELS,
  QUALITY_GAP_LABELS,
  TABLE_LABELS,
  BENEFIT_KIND_LABELS,
  BENEFIT_DISPOSITION_LABELS,
  REPORT_STATUS_LABELS,
  FLAG_LABELS,
} = labelsNb;

const REQUEST: Record<Language, string> = { nb: 'Forespørselen', nn: 'Førespurnaden' };
const ROW: Record<Language, string> = { nb: 'rad', nn: 'rad' };

/** The label of the field a validation path points to, with the row for list items: `Beløp (rad 3)`. */
export function fieldLabel(path: ReadonlyArray<PropertyKey>, language: Language = 'nb'): string {
  const named = [...path].reverse().find((p): p is string => typeof p === 'string');
  const label = named ? (LABELS[language].FIELD_LABELS[named] ?? named) : REQUEST[language];
  const index = path.find((p): p is number => typeof p === 'number');
  return index === undefined ? label : `${label} (${ROW[language]} ${index + 1})`;
}
