/** Small helpers of the plan document sections: text blocks, ordering, cell formatting. */
import type { Measure, Revision } from '../../domain/plan.ts';
import type { CostKind } from '../../domain/plan-totals.ts';
import { COST_KINDS } from '../../domain/plan-totals.ts';
import { formatDate, formatInteger } from '../../domain/format.ts';
import { compareMeasures } from '../../domain/measure-order.ts';
import { slugify } from '../../domain/organization.ts';
import type { Block } from './model.ts';
import type { DocStrings } from './strings.ts';

export const EN_DASH = '\u2013';

/** Splits free text into paragraphs (blank lines) and bullet lists (lines starting with -, * or •). */
export function textBlocks(text: string | null | undefined, role: 'body' | 'vision' = 'body'): Block[] {
  if (!text || text.trim() === '') return [];
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    let prose: string[] = [];
    let bullets: string[] = [];
    const flushProse = (): void => {
      if (prose.length) blocks.push({ type: 'paragraph', runs: [{ text: prose.join(' ') }], role });
      prose = [];
    };
    const flushBullets = (): void => {
      if (bullets.length) blocks.push({ type: 'bullets', items: bullets.map((b) => [{ text: b }]) });
      bullets = [];
    };
    for (const line of lines) {
      const bullet = /^[-*•–]\s+(.*)$/.exec(line);
      if (bullet) {
        flushProse();
        bullets.push(bullet[1]!);
      } else {
        flushBullets();
        prose.push(line);
      }
    }
    flushProse();
    flushBullets();
  }
  return blocks;
}

/** Makes heading and table ids unique within one document: `innledning`, `innledning-2`, … */
export function uniqueIds(): (base: string) => string {
  const ids = new Set<string>();
  return (base) => {
    const stem = slugify(base) || 'del';
    let id = stem;
    for (let i = 2; ids.has(id); i++) id = `${stem}-${i}`;
    ids.add(id);
    return id;
  };
}

export const collator = new Intl.Collator('nb', { numeric: true, sensitivity: 'base' });

/** Measures by number (natural order: 2 before 10), numberless last, then by title (the domain's one rule). */
export const byNumber = compareMeasures;

export function measurePeriod(m: Measure, s: DocStrings): string | null {
  if (m.startDate && m.endDate) return `${formatDate(m.startDate)}${EN_DASH}${formatDate(m.endDate)}`;
  if (m.startDate) return `${s.from} ${formatDate(m.startDate)}`;
  if (m.endDate) return `${s.until} ${formatDate(m.endDate)}`;
  return null;
}

export function dash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? EN_DASH : value;
}

export function countOrDash(value: number | null): string {
  return value === null ? EN_DASH : formatInteger(value);
}

/** Years shown as columns: the plan's years, plus any year a line lies outside them (so rows add up). */
export function columnYears(revision: Revision): number[] {
  const { years, overall } = revision.totals;
  const extra = COST_KINDS.flatMap((k) => Object.keys(overall.byYear[k]).map(Number));
  return [...new Set([...years, ...extra])].sort((a, b) => a - b);
}

export type Totals = Revision['totals']['overall'];

export function amountAt(t: Totals | undefined, kind: CostKind, year: number): number {
  return t?.byYear[kind][year] ?? 0;
}

export function titleOf(m: Measure): string {
  return m.number ? `${m.number} ${m.title}` : m.title;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
