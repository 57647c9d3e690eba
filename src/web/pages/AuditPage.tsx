import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import type { AuditEntry, AuditField } from '../../domain/audit.ts';
import {
  COST_KEY_LABELS,
  LANGUAGE_LABELS,
  LINE_TYPE_LABELS,
  ORG_KIND_LABELS,
  OWNERSHIP_LABELS,
  ROLE_LABELS,
  STAFF_ACCESS_LABELS,
  TABLE_LABELS,
} from '../labels.ts';
import { formatDateTime, formatInteger } from '../../domain/format.ts';
import { api, ApiError, orgPath } from '../api.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, NoAccess, Page, TableScroll } from '../components/ui.tsx';
import { label, SelectInput, TextInput } from '../forms.tsx';
import { parseDateInput } from '../features/plan/common.tsx';

const PAGE_SIZE = 50;
const ACTION_KEYS: Record<AuditEntry['action'], MessageKey> = {
  insert: 'audit.insert',
  update: 'audit.update',
  delete: 'audit.delete',
};
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

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value] ?? value;
  // Years are numbers too, but 2026 is written without a thousands space.
  if (typeof value === 'number') return /year$/i.test(field) ? String(value) : formatInteger(value);
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A child row's field (a budget line's amount) names its table: "Budsjettlinje: Beløp". */
function fieldLabel(entry: AuditEntry, f: AuditField): string {
  return f.tableName === entry.tableName ? label(f.field) : `${TABLE_LABELS[f.tableName] ?? f.tableName}: ${label(f.field)}`;
}

interface Filter {
  type: string;
  user: string;
  from: string;
  to: string;
}
const NO_FILTER: Filter = { type: '', user: '', from: '', to: '' };

/** The filter as query parameters; undefined when a date cannot be read. */
function filterQuery(f: Filter): string | undefined {
  const from = parseDateInput(f.from);
  const to = parseDateInput(f.to);
  if (from === undefined || to === undefined) return undefined;
  const q = new URLSearchParams();
  if (f.type) q.set('type', f.type);
  if (f.user) q.set('user', f.user);
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q.toString();
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const fields = entry.fields;
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
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => (
              <tr key={`${f.tableName}-${f.field}-${i}`}>
                <th scope="row">{fieldLabel(entry, f)}</th>
                <td>{show(f.field, f.before)}</td>
                <td>{show(f.field, f.after)}</td>
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
  const [draft, setDraft] = useState<Filter>(NO_FILTER);
  const [query, setQuery] = useState('');
  const [dateError, setDateError] = useState<{ from?: string; to?: string }>({});
  const [actors, setActors] = useState<{ id: string; displayName: string }[]>([]);

  const load = useCallback(
    async (before: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const params = `limit=${PAGE_SIZE}${before ? `&before=${encodeURIComponent(before)}` : ''}${query ? `&${query}` : ''}`;
        const page = await api.get<AuditEntry[]>(orgPath(org.id, `/audit?${params}`));
        setEntries((prev) => (before ? [...prev, ...page] : page));
        // Each save gives at least one entry, so a short page means there is nothing older.
        setMore(page.length >= PAGE_SIZE);
        setLoadedOnce(true);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, { status: 0 }));
      } finally {
        setLoading(false);
      }
    },
    [org.id, query],
  );

  useEffect(() => {
    setEntries([]);
    setLoadedOnce(false);
    if (org.abilities.admin) void load(null);
  }, [org.abilities.admin, load]);

  useEffect(() => {
    if (!org.abilities.admin) return;
    api
      .get<{ id: string; displayName: string }[]>(orgPath(org.id, '/audit/actors'))
      .then(setActors)
      .catch(() => setActors([]));
  }, [org.id, org.abilities.admin]);

  const typeChoices = useMemo(
    () => Object.entries(TABLE_LABELS).map(([value, text]) => ({ value, label: text })).sort((a, b) => a.label.localeCompare(b.label, 'nb')),
    [],
  );

  if (!org.abilities.admin) return <NoAccess />;
  const last = entries[entries.length - 1];
  const set = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const errors = {
      from: parseDateInput(draft.from) === undefined ? t('audit2.badDate') : undefined,
      to: parseDateInput(draft.to) === undefined ? t('audit2.badDate') : undefined,
    };
    setDateError(errors);
    const q = filterQuery(draft);
    if (q !== undefined) setQuery(q);
  };
  const reset = () => {
    setDraft(NO_FILTER);
    setDateError({});
    setQuery('');
  };
  const csvHref = orgPath(org.id, `/audit/export?format=csv${query ? `&${query}` : ''}`);

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <form className="filter-bar" onSubmit={apply} aria-label={t('audit2.filterLabel')}>
        <SelectInput id="audit-type" label={t('audit2.type')} value={draft.type} onChange={set('type')} choices={typeChoices} emptyLabel={t('audit2.all')} />
        <SelectInput
          id="audit-user"
          label={t('audit2.user')}
          value={draft.user}
          onChange={set('user')}
          choices={actors.map((a) => ({ value: a.id, label: a.displayName }))}
          emptyLabel={t('audit2.all')}
        />
        <TextInput id="audit-from" label={t('audit2.from')} description={t('audit2.dateHint')} value={draft.from} onChange={set('from')} error={dateError.from} />
        <TextInput id="audit-to" label={t('audit2.to')} description={t('audit2.dateHint')} value={draft.to} onChange={set('to')} error={dateError.to} />
        <div className="form-actions">
          <Button type="submit">{t('audit2.apply')}</Button>
          <Button type="button" variant="tertiary" onClick={reset}>
            {t('audit2.reset')}
          </Button>
          <a href={csvHref} download>
            {t('audit2.exportCsv')}
          </a>
        </div>
      </form>
      {error ? <LoadError error={error} onRetry={() => void load(last?.id ?? null)} /> : null}
      {loadedOnce && entries.length === 0 ? <Paragraph>{query ? t('audit2.noMatch') : t('audit.empty')}</Paragraph> : null}
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
                <Table.Row key={`${entry.id}-${entry.tableName}-${entry.recordId}`}>
                  <Table.HeaderCell scope="row" className="nowrap">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Table.HeaderCell>
                  <Table.Cell>{entry.actor?.displayName ?? t('audit.system')}</Table.Cell>
                  <Table.Cell>{t(ACTION_KEYS[entry.action])}</Table.Cell>
                  <Table.Cell>{TABLE_LABELS[entry.tableName] ?? entry.tableName}</Table.Cell>
                  <Table.Cell>{entry.name ?? <span className="muted">{t('audit2.unnamed')}</span>}</Table.Cell>
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
