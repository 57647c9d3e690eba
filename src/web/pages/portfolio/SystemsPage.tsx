/**
 * The system list: own systems and systems shared with the organization, searched, filtered by lifecycle,
 * sorted and paged by the API. Search, filter, sort and page live in the address so they survive Back.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { LIFECYCLES, type Lifecycle, type SystemListItem } from '../../../domain/portfolio.ts';
import { CRITICALITY_LABELS, HOSTING_LABELS, LIFECYCLE_LABELS } from '../../labels.ts';
import { formatInteger } from '../../../domain/format.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, TableScroll } from '../../components/ui.tsx';
import { choicesFrom, label, SelectInput, TextInput } from '../../forms.tsx';
import {
  dash,
  int,
  newSystemUrl,
  orgTitle,
  QualityTag,
  SharedFrom,
  systemsExportUrl,
  systemsImportUrl,
  systemUrl,
} from '../../features/portfolio/common.tsx';

const PAGE_SIZE = 25;
type SortKey = 'name' | 'users' | 'vendor' | 'lifecycle';
const SORTS: readonly SortKey[] = ['name', 'users', 'vendor', 'lifecycle'];

export function SystemsPage() {
  const t = useT();
  const org = useOrganization();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const lifecycleParam = params.get('livslop') ?? '';
  const lifecycle = (LIFECYCLES as readonly string[]).includes(lifecycleParam) ? (lifecycleParam as Lifecycle) : '';
  const sortParam = params.get('sorter') ?? 'name';
  const sort: SortKey = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as SortKey) : 'name';
  const descending = params.get('retning') === 'synkende';
  const page = Math.max(1, Number.parseInt(params.get('side') ?? '1', 10) || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const query = new URLSearchParams({ sort, dir: descending ? 'desc' : 'asc', limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) });
  if (q) query.set('q', q);
  if (lifecycle) query.set('lifecycle', lifecycle);
  const systems = useApi<{ data: SystemListItem[]; total: number }>(orgPath(org.id, `/systems?${query.toString()}`), true);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: false });
  };

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: search.trim(), side: null });
  };

  const total = systems.data?.total ?? 0;
  const rows = systems.data?.data ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const caption = t('systems.caption', { org: org.name });
  // A second click on the sorted column reverses it.
  const sortProps = (key: SortKey) => ({
    sort: sort !== key ? ('none' as const) : descending ? ('descending' as const) : ('ascending' as const),
    onClick: () => update({ sorter: key === 'name' ? null : key, retning: sort === key && !descending ? 'synkende' : null, side: null }),
  });
  const sortNames: Record<SortKey, string> = {
    name: label('name'),
    users: t('systems.colUsers'),
    vendor: t('systems.colVendor'),
    lifecycle: label('lifecycle'),
  };

  return (
    <Page title={orgTitle(t('systems.title'), org)} heading={t('systems.title')} intro={t('systems.intro')}>
      <ul className="page-actions">
        {org.abilities.edit ? (
          <>
            <li>
              <RouterLink to={newSystemUrl(org.slug)} className="ds-button" data-variant="primary" data-size="sm">
                {t('systems.add')}
              </RouterLink>
            </li>
            <li>
              <RouterLink to={systemsImportUrl(org.slug)}>{t('systems.import')}</RouterLink>
            </li>
          </>
        ) : null}
        <li>
          <Link href={systemsExportUrl(org.id, 'xlsx')} download>
            {t('systems.exportXlsx')}
          </Link>
        </li>
        <li>
          <Link href={systemsExportUrl(org.id, 'csv')} download>
            {t('systems.exportCsv')}
          </Link>
        </li>
      </ul>

      <div className="filters">
        <form className="inline-form search-form" role="search" onSubmit={onSearch} aria-label={t('systems.searchLabel')}>
          <TextInput id="systems-q" type="search" label={t('systems.search')} value={search} onChange={setSearch} />
          <Button type="submit" variant="secondary">
            {t('systems.searchButton')}
          </Button>
        </form>
        <SelectInput
          id="systems-lifecycle"
          label={label('lifecycle')}
          value={lifecycle}
          onChange={(v) => update({ livslop: v, side: null })}
          choices={choicesFrom(LIFECYCLE_LABELS)}
          emptyLabel={t('systems.allLifecycles')}
        />
      </div>

      <Paragraph data-size="sm" className="muted" role="status">
        {systems.data
          ? t(descending ? 'systems.countDescending' : 'systems.count', { count: formatInteger(total), sort: sortNames[sort] })
          : ''}
      </Paragraph>
      {systems.error ? <LoadError error={systems.error} onRetry={systems.reload} /> : null}
      {systems.loading && !systems.data ? <Loading /> : null}
      {systems.data && rows.length === 0 ? <Paragraph>{q || lifecycle ? t('systems.noMatches') : t('systems.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border data-size="sm" className="data-table systems-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                {/* Designsystemet puts a button in a header cell with `sort`; its click bubbles to the cell. */}
                <Table.HeaderCell scope="col" {...sortProps('name')}>
                  {label('name')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" {...sortProps('vendor')}>
                  {t('systems.colVendorOperator')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.colHosting')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('database')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num" {...sortProps('users')}>
                  {t('systems.colUsers')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('cooperationId')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" {...sortProps('lifecycle')}>
                  {label('lifecycle')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('criticality')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.colPersonal')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.colQuality')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row" className="systems-table__name">
                    <RouterLink to={systemUrl(org.slug, s.id)}>{s.name}</RouterLink>
                    {s.softwareVersion ? <span className="cell-sub">{`${label('softwareVersion')} ${s.softwareVersion}`}</span> : null}
                    {s.host ? (
                      <span className="cell-note">
                        <SharedFrom host={s.host} />
                      </span>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell>
                    {dash(s.vendorName)}
                    {s.operatorName ? <span className="cell-sub">{t('systems.operatedBy', { name: s.operatorName })}</span> : null}
                  </Table.Cell>
                  <Table.Cell>
                    {s.hosting ? HOSTING_LABELS[s.hosting] : '–'}
                    {s.serverLocation ? <span className="cell-sub">{s.serverLocation}</span> : null}
                  </Table.Cell>
                  <Table.Cell>{dash(s.database)}</Table.Cell>
                  <Table.Cell className="num">{int(s.users)}</Table.Cell>
                  <Table.Cell>{dash(s.cooperationName)}</Table.Cell>
                  <Table.Cell>{LIFECYCLE_LABELS[s.lifecycle]}</Table.Cell>
                  <Table.Cell>{s.criticality ? CRITICALITY_LABELS[s.criticality] : '–'}</Table.Cell>
                  <Table.Cell>
                    {s.specialCategoryData ? t('systems.sensitive') : s.personalData ? t('common.yes') : t('common.no')}
                  </Table.Cell>
                  <Table.Cell>
                    <QualityTag quality={s.quality} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      {pages > 1 ? (
        <nav aria-label={t('systems.paging')} className="paging">
          <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => update({ side: page - 1 === 1 ? null : String(page - 1) })}>
            {t('systems.previous')}
          </Button>
          <span>{t('systems.pageOf', { page, pages })}</span>
          <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => update({ side: String(page + 1) })}>
            {t('systems.next')}
          </Button>
        </nav>
      ) : null}
    </Page>
  );
}
