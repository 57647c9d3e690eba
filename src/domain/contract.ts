/** Contracts (avtaler) as a register table: the export columns. */
import { formatDate } from './format.ts';
import { labelsIn } from './labels.ts';
import type { Contract } from './portfolio.ts';
import type { RegisterColumn } from './register.ts';

const date = (d: string | null): string => (d ? formatDate(d) : '');

export const CONTRACT_COLUMNS: readonly RegisterColumn<Contract>[] = [
  { key: 'title', nb: 'tittel', nn: 'tittel', kind: 'text', aliases: ['avtale'], json: (c) => c.title },
  { key: 'type', nb: 'type', nn: 'type', kind: 'text', json: (c) => c.type, cell: (c, l) => labelsIn(l).CONTRACT_TYPE_LABELS[c.type] },
  { key: 'system', nb: 'system', nn: 'system', kind: 'text', json: (c) => c.systemName },
  { key: 'supplier', nb: 'leverandør', nn: 'leverandør', kind: 'text', json: (c) => c.supplierName },
  { key: 'startDate', nb: 'startdato', nn: 'startdato', kind: 'text', json: (c) => c.startDate, cell: (c) => date(c.startDate) },
  { key: 'endDate', nb: 'sluttdato', nn: 'sluttdato', kind: 'text', json: (c) => c.endDate, cell: (c) => date(c.endDate) },
  { key: 'noticeMonths', nb: 'oppsigelsestid (måneder)', nn: 'oppseiingstid (månader)', kind: 'number', json: (c) => c.noticeMonths },
  { key: 'yearlyCost', nb: 'årlig kostnad (kr)', nn: 'årleg kostnad (kr)', kind: 'number', json: (c) => c.yearlyCost },
  { key: 'licenceCount', nb: 'lisenser', nn: 'lisensar', kind: 'number', json: (c) => c.licenceCount },
  { key: 'note', nb: 'merknad', nn: 'merknad', kind: 'text', json: (c) => c.note },
];
