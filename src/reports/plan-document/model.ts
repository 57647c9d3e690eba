/** The plan document model: what the DOCX and PDF renderers print. */
import type { MoneyChartData } from '../chart.ts';
import type { SeriesChartData } from '../series-chart.ts';
import type { PlanDocumentInput } from '../../domain/plan-document-input.ts';
import type { DocLanguage, DocStrings } from './strings.ts';

// PlanDocumentInput and PlanDocumentSystem are declared in src/domain/plan-document-input.ts
// (src/db reads them, and db does not import reports); re-exported here for the renderers' callers.
export type { PlanDocumentInput, PlanDocumentSystem } from '../../domain/plan-document-input.ts';

export type { DocLanguage } from './strings.ts';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface DocColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
  /** Relative width; renderers share the text width in proportion. */
  readonly width: number;
}

/** `group`: one cell spanning all columns (a focus area heading inside a table). */
export interface DocRow {
  readonly kind: 'data' | 'group' | 'subtotal' | 'total';
  readonly cells: readonly string[];
}

export interface DocTable {
  readonly id: string;
  /** "Tabell 2: Investering per tiltak og år". */
  readonly caption: string;
  readonly columns: readonly DocColumn[];
  /** Repeated at the top of every page the table runs over. */
  readonly header: readonly string[];
  readonly body: readonly DocRow[];
  /** Sum rows, printed bold after the body. */
  readonly footer: readonly DocRow[];
  /** Smaller type for wide tables. */
  readonly compact: boolean;
}

/**
 * Body rows that the renderers keep on the page of a table's sum rows, so a sum row never stands
 * alone on a page under a repeated header (PDF: in a non-repeating table footer; Word: keep with next).
 */
export const KEEP_WITH_SUM = 2;

export interface DocFact {
  readonly label: string;
  readonly value: string;
}

export type Block =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3 | 4; readonly text: string; readonly id: string; readonly newPage?: boolean }
  | { readonly type: 'paragraph'; readonly runs: readonly TextRun[]; readonly role: 'body' | 'vision' | 'note' }
  | { readonly type: 'bullets'; readonly items: readonly (readonly TextRun[])[] }
  | { readonly type: 'facts'; readonly facts: readonly DocFact[] }
  | { readonly type: 'table'; readonly table: DocTable }
  | {
      readonly type: 'chart';
      readonly id: string;
      readonly caption: string;
      /** Alt text for screen readers (PDF/UA, Word): what the chart shows, with its numbers. */
      readonly alt: string;
      /** The plan's invest/drift bars, or named series (the annual report's statistics). */
      readonly data: MoneyChartData | SeriesChartData;
    };

export interface DocSection {
  readonly id: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
}

export interface TocEntry {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

export interface PlanDocument {
  readonly language: DocLanguage;
  /** BCP 47 tag for Word: nb-NO or nn-NO. */
  readonly languageTag: 'nb-NO' | 'nn-NO';
  readonly strings: DocStrings;
  readonly meta: {
    /** "IKT-strategi og handlingsplan 2025–2028 — Ringebu kommune" */
    readonly title: string;
    readonly author: string;
    readonly subject: string;
    readonly keywords: readonly string[];
  };
  /** Short title for page headers and footers. */
  readonly runningTitle: string;
  /** Shown in the page header while the revision is a draft. */
  readonly draftMark: string | null;
  readonly titlePage: {
    readonly organization: string;
    /** "Kommunenummer 3439", or null. */
    readonly organizationDetail: string | null;
    readonly title: string;
    /** "2025–2028" */
    readonly period: string;
    /** The period's own name when it says more than the years, else null. */
    readonly periodName: string | null;
    /** "Revisjon 2" */
    readonly revision: string;
    /** "Vedtatt 12.12.2024, K-sak 081/24" or "Utkast – ikke vedtatt". */
    readonly status: string;
    readonly adopted: boolean;
    /** "Generert 22.11.2026" */
    readonly generated: string;
  };
  readonly toc: { readonly title: string; readonly depth: number; readonly entries: readonly TocEntry[] };
  readonly sections: readonly DocSection[];
  /** The numbers of the chart "Budsjett per år" (also in `sections`), null when the plan has no years. */
  readonly chart: MoneyChartData | null;
}
