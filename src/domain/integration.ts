/** Integrations as a register table: the export columns. */
import { INTEGRATION_DIRECTION_LABELS, INTEGRATION_STANDARD_LABELS, INTEGRATION_STATUS_LABELS } from './labels.ts';
import type { Integration } from './portfolio.ts';
import type { RegisterColumn } from './register.ts';

export const INTEGRATION_COLUMNS: readonly RegisterColumn<Integration>[] = [
  { key: 'fromSystem', nb: 'fra system', nn: 'frå system', kind: 'text', json: (i) => i.fromSystem.name },
  { key: 'toSystem', nb: 'til system', nn: 'til system', kind: 'text', json: (i) => i.toSystem?.name ?? null },
  { key: 'toComponent', nb: 'til nasjonal fellesløsning', nn: 'til nasjonal felles løysing', kind: 'text', json: (i) => i.toComponent?.name ?? null },
  { key: 'direction', nb: 'retning', nn: 'retning', kind: 'text', json: (i) => i.direction, cell: (i) => INTEGRATION_DIRECTION_LABELS[i.direction] },
  { key: 'data', nb: 'data', nn: 'data', kind: 'text', json: (i) => i.data },
  { key: 'standard', nb: 'standard', nn: 'standard', kind: 'text', json: (i) => i.standard, cell: (i) => INTEGRATION_STANDARD_LABELS[i.standard] },
  { key: 'status', nb: 'status', nn: 'status', kind: 'text', json: (i) => i.status, cell: (i) => INTEGRATION_STATUS_LABELS[i.status] },
];
