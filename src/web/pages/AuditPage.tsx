import { useCallback, useEffect, useState } from 'react';
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import type { AuditEntry } from '../../domain/audit.ts';
import {
  COST_KEY_LABELS,
  LANGUAGE_LABELS,
  LINE_TYPE_LABELS,
  ORG_KIND_LABELS,
  OWNERSHIP_LABELS,
  ROLE_LABELS,
  STAFF_ACCESS_LABELS,
  TABLE_LABELS,
} from '../../domain/labels.ts';
import { formatDateTime, formatInteger } from '../../domain/format.ts';
import { api, ApiError, orgPath } from '../api.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, NoAccess, Page, TableScroll } from '../components/ui.tsx';
import { label } from '../forms.tsx';

const PAGE_SIZE = 50;
const ACTION_KEYS: Record<AuditEntry['action'], MessageKey> = {
  insert: 'audit.insert',
  update: 'audit.update',
  delete: 'audit.delete',
};
/** Bookkeeping columns that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'passwordHash']);
/** Ids and bookkeeping are left out: `*_id`/`*Id` columns hold UUIDs that mean nothing to a reader. */
const isHidden = (field: string): boolean => HIDDEN_FIELDS.has(field) || /Id$/.test(field);

/** Enum values are shown with their Norwegian labels. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role: ROLE_LABELS,
  lineType: LINE_TYPE_LABELS,
  ownership: OWNERSHIP_LABELS,
  costKey: COST_KEY_LABELS,
  kind: ORG_KIND_LABELS,
  language: LANGUAGE_LABELS,
  staffAccess: STAFF_ACCESS_LABELS,
};

const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value] ?? value;
  if (typeof value === 'number') return formatInteger(value);
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function changedFields(entry: AuditEntry): { field: string; before: unknown; after: unknown }[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !isHidden(camel(k)));
  return keys
    .filter((k) => entry.action !== 'update' || JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: camel(k), before: before[k], after: after[k] }));
}

function recordName(entry: AuditEntry): string {
  const source = entry.after ?? entry.before ?? {};
  for (const key of ['name', 'displayName', 'username']) {
    const v = source[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return entry.recordId;
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const fields = changedFields(entry);
  if (fields.length === 0) return <span className="muted">{t('audit.noFields')}</span>;
  return (
    <Details>
      <Details.Summary>
        {t('audit.showDetails')} ({fields.length})
      </Details.Summary>
      <Details.Content>
        <table className="ds-table changes" data-border="true">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              {entry.action !== 'insert' ? <th scope="col">{t('audit.before')}</th> : null}
              {entry.action !== 'delete' ? <th scope="col">{t('audit.after')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field}>
                <th scope="row">{label(f.field)}</th>
                {entry.action !== 'insert' ? <td>{show(f.field, f.before)}</td> : null}
                {entry.action !== 'delete' ? <td>{show(f.field, f.after)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </Details.Content>
    </Details>
  );
}

export function AuditPage() {
  const t = useT();
  const org = useOrganization();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [more, setMore] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const query = `?limit=${PAGE_SIZE}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
        const page = await api.get<AuditEntry[]>(orgPath(org.id, `/audit${query}`));
        setEntries((prev) => (before ? [...prev, ...page] : page));
        setMore(page.length === PAGE_SIZE);
        setLoadedOnce(true);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, { status: 0 }));
      } finally {
        setLoading(false);
      }
    },
    [org.id],
  );

  useEffect(() => {
    setEntries([]);
    setLoadedOnce(false);
    if (org.abilities.admin) void load(null);
  }, [org.abilities.admin, load]);

  if (!org.abilities.admin) return <NoAccess />;
  const last = entries[entries.length - 1];

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      {error ? <LoadError error={error} onRetry={() => void load(last?.id ?? null)} /> : null}
      {loadedOnce && entries.length === 0 ? <Paragraph>{t('audit.empty')}</Paragraph> : null}
      {entries.length > 0 ? (
        <TableScroll label={t('audit.caption', { org: org.name })}>
          <Table zebra border className="data-table">
            <caption>{t('audit.caption', { org: org.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('audit.colTime')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colActor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colAction')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colTable')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colRecord')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colDetails')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {entries.map((entry) => (
                <Table.Row key={entry.id}>
                  <Table.HeaderCell scope="row" className="nowrap">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Table.HeaderCell>
                  <Table.Cell>{entry.actor?.displayName ?? t('audit.system')}</Table.Cell>
                  <Table.Cell>{t(ACTION_KEYS[entry.action])}</Table.Cell>
                  <Table.Cell>{TABLE_LABELS[entry.tableName] ?? entry.tableName}</Table.Cell>
                  <Table.Cell>{recordName(entry)}</Table.Cell>
                  <Table.Cell>
                    <EntryDetails entry={entry} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
      {loading ? <Loading /> : null}
      {loadedOnce && entries.length > 0 ? (
        more ? (
          <div className="form-actions">
            <Button variant="secondary" onClick={() => void load(last?.id ?? null)} disabled={loading}>
              {t('audit.showOlder')}
            </Button>
          </div>
        ) : (
          <Paragraph className="muted">{t('audit.noOlder')}</Paragraph>
        )
      ) : null}
    </Page>
  );
}
