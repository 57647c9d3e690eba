/**
 * Rules that keep a plan's revisions from misleading (issue 14). Pure: "today" is passed in.
 *
 * Decisions:
 * - The revision in force is the adopted revision with the highest number in its period
 *   (`revisionInForce`). Every earlier adopted revision is "erstattet" (replaced). Adopting an
 *   older draft after a newer revision was adopted is refused, so the highest adopted number is
 *   also the latest adoption.
 * - An adoption date may not be after today, nor before 1 January two years before the period's
 *   first year (a plan for 2026–2029 may have been adopted from 01.01.2024), nor before the
 *   adoption of the revision in force.
 * - A measure number is a whole number from 1, optionally with sub-numbers after dots: `3`, `12`,
 *   `2.1`. It is unique within a revision.
 * - A budget line's amount (or unit price) is negative only when the line is an explicit saving
 *   (innsparing), and a saving is always negative.
 */
import { formatDate } from './format.ts';
import type { RevisionStatus } from './plan.ts';
import { message } from './messages.ts';

export const REVISION_STATES = ['draft', 'adopted', 'replaced'] as const;
/** What a revision is to its reader: a draft, the adopted revision in force, or an adopted revision replaced by a newer one. */
export type RevisionState = (typeof REVISION_STATES)[number];

export interface RevisionFacts {
  readonly id: string;
  readonly number: number;
  readonly status: RevisionStatus;
  readonly adoptedDate?: string | null;
}

/** The adopted revision in force among a period's revisions, or null when none is adopted. */
export function revisionInForce<R extends RevisionFacts>(revisions: readonly R[]): R | null {
  let best: R | null = null;
  for (const r of revisions) if (r.status === 'adopted' && (best === null || r.number > best.number)) best = r;
  return best;
}

/** The state of `revision` among its period's revisions (which should include it). */
export function revisionState(revision: RevisionFacts, revisions: readonly RevisionFacts[]): RevisionState {
  if (revision.status !== 'adopted') return 'draft';
  const inForce = revisionInForce([...revisions, revision]);
  return inForce && inForce.id !== revision.id && inForce.number > revision.number ? 'replaced' : 'adopted';
}

/** The earliest possible adoption date of a period's revision: 1 January, two years before its first year. */
export function earliestAdoptionDate(startYear: number): string {
  return `${String(startYear - 2).padStart(4, '0')}-01-01`;
}

export type AdoptionRefusal =
  | { readonly kind: 'conflict'; readonly message: string }
  | { readonly kind: 'invalid'; readonly field: 'adoptedDate'; readonly message: string };

/** Why `revision` may not be adopted on `adoptedDate` (ISO), or null when it may. */
export function adoptionRefusal(input: {
  readonly revision: RevisionFacts;
  readonly revisions: readonly RevisionFacts[];
  readonly startYear: number;
  readonly adoptedDate: string;
  readonly today: string;
}): AdoptionRefusal | null {
  const { revision, adoptedDate, today } = input;
  const inForce = revisionInForce(input.revisions.filter((r) => r.id !== revision.id));
  if (inForce && inForce.number > revision.number) {
    return {
      kind: 'conflict',
      message: message('plan.olderDraft', { inForce: inForce.number, number: revision.number }),
    };
  }
  if (adoptedDate > today) {
    return { kind: 'invalid', field: 'adoptedDate', message: message('plan.adoptedAfterToday', { today: formatDate(today) }) };
  }
  const earliest = earliestAdoptionDate(input.startYear);
  if (adoptedDate < earliest) {
    return {
      kind: 'invalid',
      field: 'adoptedDate',
      message: message('plan.adoptedTooEarly', { earliest: formatDate(earliest), startYear: input.startYear }),
    };
  }
  if (inForce?.adoptedDate && adoptedDate < inForce.adoptedDate) {
    return {
      kind: 'invalid',
      field: 'adoptedDate',
      message: message('plan.adoptedBeforePrevious', { number: inForce.number, date: formatDate(inForce.adoptedDate) }),
    };
  }
  return null;
}

// ------------------------------------------------------------------ measure numbers

export const MEASURE_NUMBER_PATTERN = /^[1-9][0-9]*(\.[0-9]+)*$/;
export const MEASURE_NUMBER_RULE = 'må være et helt tall fra 1, eventuelt med underpunkt (som 3 eller 2.1)';

export function isMeasureNumber(text: string): boolean {
  return MEASURE_NUMBER_PATTERN.test(text);
}

/** The other measure that already uses `number` in the revision, if any. */
export function measureWithNumber<M extends { id: string; number: string | null }>(measures: readonly M[], number: string | null | undefined, exceptId?: string): M | null {
  if (!number) return null;
  return measures.find((m) => m.number === number && m.id !== exceptId) ?? null;
}

export const numberTakenMessage = (number: string, title: string): string =>
  `Nummer ${number} er allerede brukt av tiltaket «${title}» i denne revisjonen.`;

// ------------------------------------------------------------------ savings

/** Why a budget line's sign does not match its saving flag, or null. `value` is the amount or the unit price. */
export function savingProblem(value: number | null | undefined, saving: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (value < 0 && !saving) return 'kan ikke være negativt; kryss av for innsparing hvis linjen er en innsparing';
  if (value >= 0 && saving) return 'må være negativt for en innsparing (for eksempel -50 000)';
  return null;
}

/**
 * Measure numbers in an imported table: each row whose number is not a measure number, and each
 * row whose number another measure (another title) also uses. Rows of one measure (its invest
 * and drift rows) share their number. `row` is the 1-based spreadsheet row.
 */
export function importedNumberProblems(rows: ReadonlyArray<{ row: number; number: string | null; title: string }>): Array<{ row: number; message: string }> {
  const titlesByNumber = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!r.number || !isMeasureNumber(r.number)) continue;
    const titles = titlesByNumber.get(r.number) ?? new Map<string, number>();
    if (!titles.has(r.title)) titles.set(r.title, r.row);
    titlesByNumber.set(r.number, titles);
  }
  const problems: Array<{ row: number; message: string }> = [];
  for (const r of rows) {
    if (!r.number) continue;
    if (!isMeasureNumber(r.number)) {
      problems.push({ row: r.row, message: `Rad ${r.row}, kolonne «prosjektnr»: «${r.number}» ${MEASURE_NUMBER_RULE}.` });
      continue;
    }
    const titles = titlesByNumber.get(r.number);
    if (!titles || titles.size < 2) continue;
    const others = [...titles].filter(([title]) => title !== r.title).map(([title, row]) => `«${title}» på rad ${row}`);
    problems.push({ row: r.row, message: message('plan.numberUsedTwice', { row: r.row, number: r.number, others: others.join(', ') }) });
  }
  return problems;
}
