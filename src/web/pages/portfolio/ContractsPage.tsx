/** Contracts and licences (SSA, databehandleravtale) with yearly cost and renewal alerts on top. */
import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Heading, Table } from '@digdir/designsystemet-react';
import type { PortfolioOverview } from '../../../domain/portfolio.ts';
import { CONTRACT_SORTS, queryContracts, type ContractListItem, type ContractSort } from '../../../domain/contracts.ts';
import { ContractAlertTag } from '../../features/portfolio/contracts-section.tsx';
import { CONTRACT_TYPE_LABELS } from '../../labels.ts';
import { parseKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Page } from '../../components/ui.tsx';
import type { TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { RegisterView } from '../../components/register/RegisterView.tsx';
import { choicesFrom, fieldError, label, parseCount, SelectInput, TextInput } from '../../forms.tsx';
import { dateInputValue, parseDateInput } from '../../features/plan/common.tsx';
import { date, int, kr, orgTitle, RenewalAlerts, supplierChoice, systemUrl, useAllSystems, useSuppliers } from '../../features/portfolio/common.tsx';
import { RegisterExportLinks } from '../../features/registers.tsx';
import { orNull, useRegister } from '../../components/register/register.tsx';

interface ContractForm {
  systemId: string;
  supplierId: string;
  type: string;
  title: string;
  startDate: string;
  endDate: string;
  noticeMonths: string;
  yearlyCost: string;
  licenceCount: string;
  note: string;
  documentUrl: string;
  caseNumber: string;
}

const EMPTY: ContractForm = {
  systemId: '',
  supplierId: '',
  type: 'ssa_l',
  title: '',
  startDate: '',
  endDate: '',
  noticeMonths: '',
  yearlyCost: '',
  licenceCount: '',
  note: '',
  documentUrl: '',
  caseNumber: '',
};

const SORT_KEYS: Record<ContractSort, MessageKey> = {
  endDate: 'contracts2.sortEndDate',
  noticeDate: 'contracts2.sortNoticeDate',
  type: 'contracts2.sortType',
  supplier: 'contracts2.sortSupplier',
  title: 'contracts2.sortTitle',
  yearlyCost: 'contracts2.sortYearlyCost',
};

interface ListFilter {
  type: string;
  supplierId: string;
  endFrom: string;
  endTo: string;
  noticeFrom: string;
  noticeTo: string;
  sort: ContractSort;
  desc: boolean;
}
const NO_FILTER: ListFilter = { type: '', supplierId: '', endFrom: '', endTo: '', noticeFrom: '', noticeTo: '', sort: 'endDate', desc: false };
const dateOrUndefined = (text: string): string | undefined => parseDateInput(text) ?? undefined;

/** A date as typed; one that cannot be read is sent as typed so the API names the field. */
const dateBody = (text: string): string | null => {
  const parsed = parseDateInput(text);
  return parsed === undefined ? text : parsed;
};
const kronerBody = (text: string): number | string | null => {
  if (text.trim() === '') return null;
  return parseKroner(text) ?? text;
};

export function ContractsPage() {
  const t = useT();
  const org = useOrganization();
  const [params] = useSearchParams();
  const preselected = params.get('system') ?? '';
  const overview = useApi<PortfolioOverview>(orgPath(org.id, '/portfolio'));
  const systems = useAllSystems(org.id);
  const suppliers = useSuppliers(org.id);
  const register = useRegister<ContractListItem, ContractForm>({
    path: orgPath(org.id, '/contracts'),
    empty: { ...EMPTY, systemId: preselected },
    idPrefix: 'contract',
    nameOf: (c) => c.title,
    formOf: (c) => ({
      systemId: c.systemId ?? '',
      supplierId: c.supplierId ?? '',
      type: c.type,
      title: c.title,
      startDate: dateInputValue(c.startDate),
      endDate: dateInputValue(c.endDate),
      noticeMonths: c.noticeMonths === null ? '' : String(c.noticeMonths),
      yearlyCost: c.yearlyCost === null ? '' : String(c.yearlyCost),
      licenceCount: c.licenceCount === null ? '' : String(c.licenceCount),
      note: c.note ?? '',
      documentUrl: c.documentUrl ?? '',
      caseNumber: c.caseNumber ?? '',
    }),
    bodyOf: (f) => ({
      systemId: orNull(f.systemId),
      supplierId: orNull(f.supplierId),
      type: f.type,
      title: f.title,
      startDate: dateBody(f.startDate),
      endDate: dateBody(f.endDate),
      noticeMonths: parseCount(f.noticeMonths),
      yearlyCost: kronerBody(f.yearlyCost),
      licenceCount: parseCount(f.licenceCount),
      note: orNull(f.note),
      documentUrl: orNull(f.documentUrl),
      caseNumber: orNull(f.caseNumber),
    }),
  });
  const { list, form, errors, set } = register;
  // A saved contract can change the alerts.
  const reloadOverview = overview.reload;
  useEffect(() => {
    if (register.status) reloadOverview();
  }, [register.status, reloadOverview]);

  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const setFilterField = (key: keyof ListFilter) => (value: string) => setFilter((f) => ({ ...f, [key]: value }));
  // The same pure sort/filter as the API's ?sort=&type=… (src/domain/contracts.ts).
  const sorted = queryContracts(list.data ?? [], {
    type: filter.type || undefined,
    supplierId: filter.supplierId || undefined,
    endFrom: dateOrUndefined(filter.endFrom),
    endTo: dateOrUndefined(filter.endTo),
    noticeFrom: dateOrUndefined(filter.noticeFrom),
    noticeTo: dateOrUndefined(filter.noticeTo),
    sort: filter.sort,
    desc: filter.desc,
  });
  const canEdit = org.abilities.edit;
  const ownSystems = (systems.data ?? []).filter((s) => s.host === null).map((s) => ({ value: s.id, label: s.name }));
  const supplierChoices = (suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name }));

  const columns: TableColumn<ContractListItem>[] = [
    {
      key: 'title',
      header: t('contracts.colTitle'),
      value: (c) => c.title,
      render: (c) => (
        <>
          {c.documentUrl ? (
            <a href={c.documentUrl} target="_blank" rel="noopener noreferrer">
              {c.title}
              <span className="visually-hidden"> {t('contracts2.opensDocument')}</span>
            </a>
          ) : (
            c.title
          )}
          <div className="muted">{CONTRACT_TYPE_LABELS[c.type]}</div>
          {c.caseNumber ? <div className="muted">{t('contracts2.caseNumberShort', { number: c.caseNumber })}</div> : null}
        </>
      ),
    },
    {
      key: 'system',
      header: label('systemId'),
      value: (c) => c.systemName,
      render: (c) => (c.systemId ? <RouterLink to={systemUrl(org.slug, c.systemId)}>{c.systemName}</RouterLink> : '–'),
    },
    { key: 'supplier', header: t('contracts.colSupplier'), value: (c) => c.supplierName },
    {
      key: 'endDate',
      header: t('contracts.colEnd'),
      value: (c) => c.endDate,
      render: (c) => (
        <>
          <span className="nowrap">{date(c.endDate)}</span> <ContractAlertTag alert={c.alert} />
        </>
      ),
    },
    {
      key: 'noticeDate',
      header: t('contracts2.colNoticeDate'),
      value: (c) => c.noticeDate,
      render: (c) => (
        <>
          <span className="nowrap">{date(c.noticeDate)}</span>
          {c.noticeMonths ? <div className="muted">{t('contracts2.noticeMonths', { months: c.noticeMonths })}</div> : null}
        </>
      ),
    },
    {
      key: 'yearlyCost',
      header: t('contracts.colYearlyCost'),
      numeric: true,
      value: (c) => c.yearlyCost,
      render: (c) => (
        <>
          <span className="nowrap">{kr(c.yearlyCost)}</span>
          {c.licenceCount !== null ? <div className="muted nowrap">{t('contracts2.licences', { count: int(c.licenceCount) })}</div> : null}
        </>
      ),
    },
  ];

  return (
    <Page title={orgTitle(t('contracts.title'), org)} heading={t('contracts.title')} intro={t('contracts.intro')}>
      <RegisterView
        register={register}
        idPrefix="contract"
        caption={t('contracts.caption', { org: org.name })}
        columns={columns}
        nameOf={(c) => c.title}
        rows={sorted}
        searchName={(c) => c.title}
        tableControls={false}
        canEdit={canEdit}
        emptyText={t('contracts.empty')}
        noMatchText={t('contracts2.noMatch')}
        top={
          <>
            <RegisterExportLinks orgId={org.id} register="contracts" />
            <section aria-labelledby="contracts-alerts">
              <Heading level={2} data-size="sm" id="contracts-alerts">
                {t('contracts.alerts')}
              </Heading>
              {overview.error ? <LoadError error={overview.error} onRetry={overview.reload} /> : null}
              {overview.data ? <RenewalAlerts alerts={overview.data.alerts} slug={org.slug} headingLevel={3} /> : null}
            </section>
          </>
        }
        listHeading={{ id: 'contracts-list', text: t('contracts.all') }}
        filters={
      <form className="filter-bar" role="search" aria-label={t('contracts2.filterLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="form-row">
          <SelectInput id="contracts-filter-type" label={label('type')} value={filter.type} onChange={setFilterField('type')} choices={choicesFrom(CONTRACT_TYPE_LABELS)} emptyLabel={t('contracts2.all')} />
          <SelectInput id="contracts-filter-supplier" label={t('contracts.colSupplier')} value={filter.supplierId} onChange={setFilterField('supplierId')} choices={supplierChoices} emptyLabel={t('contracts2.all')} />
          <SelectInput
            id="contracts-sort"
            label={t('contracts2.sort')}
            value={filter.sort}
            onChange={(v) => setFilter((f) => ({ ...f, sort: v as ContractSort }))}
            choices={CONTRACT_SORTS.map((s) => ({ value: s, label: t(SORT_KEYS[s]) }))}
          />
          <SelectInput
            id="contracts-sort-dir"
            label={t('contracts2.direction')}
            value={filter.desc ? 'desc' : 'asc'}
            onChange={(v) => setFilter((f) => ({ ...f, desc: v === 'desc' }))}
            choices={[
              { value: 'asc', label: t('contracts2.asc') },
              { value: 'desc', label: t('contracts2.desc') },
            ]}
          />
        </div>
        <div className="form-row">
          <TextInput id="contracts-filter-endFrom" label={t('contracts2.endFrom')} description={t('contracts2.dateHint')} value={filter.endFrom} onChange={setFilterField('endFrom')} />
          <TextInput id="contracts-filter-endTo" label={t('contracts2.endTo')} description={t('contracts2.dateHint')} value={filter.endTo} onChange={setFilterField('endTo')} />
          <TextInput id="contracts-filter-noticeFrom" label={t('contracts2.noticeFrom')} description={t('contracts2.dateHint')} value={filter.noticeFrom} onChange={setFilterField('noticeFrom')} />
          <TextInput id="contracts-filter-noticeTo" label={t('contracts2.noticeTo')} description={t('contracts2.dateHint')} value={filter.noticeTo} onChange={setFilterField('noticeTo')} />
        </div>
      </form>
        }
        footer={() => (
          <Table.Row>
            <Table.HeaderCell scope="row" colSpan={5}>
              {t('contracts2.totalRunning')}
            </Table.HeaderCell>
            <Table.Cell className="num">{overview.data ? kr(overview.data.yearlyContractCost) : '–'}</Table.Cell>
            {canEdit ? <Table.Cell /> : null}
          </Table.Row>
        )}
        form={{
          addHeading: t('contracts.addHeading'),
          editHeading: (c) => t('contracts.editHeading', { name: c.title }),
          addLabel: t('contracts.add'),
          fields: (
            <>
          <TextInput id="contract-title" label={t('contracts.colTitle')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} autoComplete="off" />
          <div className="form-row">
            <TextInput id="contract-documentUrl" label={t('contracts2.documentUrl')} description={t('contracts2.documentUrlHint')} value={form.documentUrl} onChange={set('documentUrl')} error={fieldError(errors, 'documentUrl')} autoComplete="off" />
            <TextInput id="contract-caseNumber" label={t('contracts2.caseNumber')} value={form.caseNumber} onChange={set('caseNumber')} error={fieldError(errors, 'caseNumber')} autoComplete="off" />
          </div>
          <div className="form-row">
            <SelectInput id="contract-type" label={label('type')} value={form.type} onChange={set('type')} choices={choicesFrom(CONTRACT_TYPE_LABELS)} error={fieldError(errors, 'type')} />
            <SelectInput
              id="contract-systemId"
              label={label('systemId')}
              value={form.systemId}
              onChange={set('systemId')}
              choices={ownSystems}
              emptyLabel={t('common.notSet')}
              error={fieldError(errors, 'systemId')}
            />
          </div>
          <SelectInput
            id="contract-supplierId"
            label={label('supplierId')}
            value={form.supplierId}
            onChange={set('supplierId')}
            choices={(suppliers.data ?? []).map(supplierChoice)}
            emptyLabel={t('common.notSet')}
            error={fieldError(errors, 'supplierId')}
          />
          <div className="form-row">
            <TextInput id="contract-startDate" label={label('startDate')} description={t('portfolio.dateHint')} value={form.startDate} onChange={set('startDate')} error={fieldError(errors, 'startDate')} />
            <TextInput id="contract-endDate" label={label('endDate')} description={t('portfolio.dateHint')} value={form.endDate} onChange={set('endDate')} error={fieldError(errors, 'endDate')} />
          </div>
          <div className="form-row">
            <TextInput id="contract-noticeMonths" label={label('noticeMonths')} inputMode="numeric" value={form.noticeMonths} onChange={set('noticeMonths')} error={fieldError(errors, 'noticeMonths')} />
            <TextInput id="contract-licenceCount" label={label('licenceCount')} inputMode="numeric" value={form.licenceCount} onChange={set('licenceCount')} error={fieldError(errors, 'licenceCount')} />
          </div>
          <TextInput
            id="contract-yearlyCost"
            label={t('contracts.yearlyCostLabel')}
            description={t('contracts.yearlyCostHint')}
            inputMode="numeric"
            value={form.yearlyCost}
            onChange={set('yearlyCost')}
            error={fieldError(errors, 'yearlyCost')}
          />
          <TextInput id="contract-note" label={label('note')} value={form.note} onChange={set('note')} multiline error={fieldError(errors, 'note')} />
            </>
          ),
        }}
      />
    </Page>
  );
}
