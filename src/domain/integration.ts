/** Integrations as a register table: the export columns. */
import { labelsIn } from './labels.ts';
import type { Integration } from './portfolio.ts';
import type { RegisterColumn } from './register.ts';

export const INTEGRATION_COLUMNS: readonly RegisterColumn<Integration>[] = [
  { key: 'fromSystem', nb: 'fra system', nn: 'frå system', kind: 'text', json: (i) => i.fromSystem.name },
  { key: 'toSystem', nb: 'til system', nn: 'til system', kind: 'text', json: (i) => i.toSystem?.name ?? null },
  { key: 'toComponent', nb: 'til nasjonal fellesløsning', nn: 'til nasjonal felles løysing', kind: 'text', json: (i) => i.toComponent?.name ?? null },
  { key: 'direction', nb: 'retning', nn: 'retning', kind: 'text', json: (i) => i.direction, cell: (i, l) => labelsIn(l).INTEGRATION_DIRECTION_LABELS[i.direction] },
  { key: 'data', nb: 'data', nn: 'data', kind: 'text', json: (i) => i.data },
  { key: 'standard', nb: 'standard', nn: 'standard', kind: 'text', json: (i) => i.standard, cell: (i, l) => labelsIn(l).INTEGRATION_STANDARD_LABELS[i.standard] },
  { key: 'status', nb: 'status', nn: 'status', kind: 'text', json: (i) => i.status, cell: (i, l) => labelsIn(l).INTEGRATION_STATUS_LABELS[i.status] },
];
