/** The system page's history section (the audit log of the system and its parts). */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { HistoryEntry, SystemDetail } from '../../../domain/portfolio.ts';
import { fieldLabel, TABLE_LABELS } from '../../labels.ts';
import { formatDateTime } from '../../../domain/format.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { LoadError, Loading, TableScroll } from '../../components/ui.tsx';

const ACTION_KEYS: Record<HistoryEntry['action'], MessageKey> = {
  insert: 'system.historyInsert',
  update: 'system.historyUpdate',
  delete: 'system.historyDelete',
};

/** The audit log names columns (`last_reviewed_at`); the labels are keyed by API field (`lastReviewedAt`). */
function changedLabel(column: string, lastReviewed: string): string {
  const field = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (field === 'lastReviewedAt') return lastReviewed;
  return fieldLabel([field]);
}

export function HistorySection({ org, system }: { org: AccessibleOrganization; system: SystemDetail }) {
  const t = useT();
  const history = useApi<HistoryEntry[]>(orgPath(org.id, `/systems/${system.id}/history`));
  const caption = t('system.historyCaption', { name: system.name });
  const rows = history.data ?? [];
  return (
    <section aria-labelledby="system-history">
      <Heading level={2} data-size="sm" id="system-history">
        {t('system.history')}
      </Heading>
      {history.error ? <LoadError error={history.error} onRetry={history.reload} /> : null}
      {history.loading && !history.data ? <Loading /> : null}
      {history.data && rows.length === 0 ? <Paragraph>{t('system.noHistory')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('system.colWhen')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colWho')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colWhat')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colChanged')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell className="nowrap">{formatDateTime(h.at)}</Table.Cell>
                  <Table.Cell>{h.actorName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {t(ACTION_KEYS[h.action], { table: (TABLE_LABELS[h.tableName] ?? h.tableName).toLowerCase() })}
                  </Table.Cell>
                  <Table.Cell>{h.changed.length > 0 ? h.changed.map((f) => changedLabel(f, t('system.fieldLastReviewed'))).join(', ') : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}
