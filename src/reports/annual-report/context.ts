/** The shared state of one annual report build: strings, unique heading ids, table and figure numbers. */
import { uniqueIds } from '../plan-document/helpers.ts';
import type { AnnualReportInput } from '../../domain/annual-report.ts';
import { DOCUMENT_STRINGS, type DocStrings } from '../plan-document/strings.ts';
import type { Block, DocColumn, DocRow, DocTable } from '../plan-document/model.ts';
import { ANNUAL_STRINGS, type AnnualStrings } from './strings.ts';

export interface AnnualContext {
  input: AnnualReportInput;
  language: 'nb' | 'nn';
  a: AnnualStrings;
  s: DocStrings;
  heading: (level: 1 | 2 | 3, text: string, newPage?: boolean) => Block;
  table: (caption: string, columns: ReadonlyArray<readonly [string, 'left' | 'right', number]>, body: DocRow[], footer?: DocRow[]) => Block;
  figure: (caption: string) => string;
}

export function annualContext(input: AnnualReportInput): AnnualContext {
  const language = input.organization.language === 'nn' ? 'nn' : 'nb';
  const s = DOCUMENT_STRINGS[language];
  const uniqueId = uniqueIds();
  let tableNo = 0;
  let figureNo = 0;
  return {
    input,
    language,
    a: ANNUAL_STRINGS[language],
    s,
    heading: (level, text, newPage) => ({ type: 'heading', level, text, id: uniqueId(text), ...(newPage ? { newPage } : {}) }),
    table: (caption, columns, body, footer = []) => {
      const cols: DocColumn[] = columns.map(([header, align, width]) => ({ header, align, width }));
      const table: DocTable = {
        id: uniqueId(`tabell-${tableNo + 1}`),
        caption: `${s.table} ${++tableNo}: ${caption}`,
        columns: cols,
        header: cols.map((c) => c.header),
        body,
        footer,
        compact: cols.length > 6,
      };
      return { type: 'table', table };
    },
    figure: (caption) => `${s.figure} ${++figureNo}: ${caption}`,
  };
}

export const data = (...cells: string[]): DocRow => ({ kind: 'data', cells });
export const total = (...cells: string[]): DocRow => ({ kind: 'total', cells });
export const group = (text: string): DocRow => ({ kind: 'group', cells: [text] });
