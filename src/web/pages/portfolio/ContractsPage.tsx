/** Contracts and licences (SSA, databehandleravtale) with yearly cost and renewal alerts on top. */
import { useEffect } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Contract, PortfolioOverview } from '../../../domain/portfolio.ts';
import { CONTRACT_TYPE_LABELS } from '../../../domain/labels.ts';
import { parseKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { choicesFrom, fieldError, label, parseCount, SelectInput, TextInput } from '../../forms.tsx';
import { dateInputValue, parseDateInput } from '../../features/plan/common.tsx';
import { date, int, kr, orgTitle, RenewalAlerts, supplierChoice, systemUrl, useAllSystems, useSuppliers } from '../../features/portfolio/common.tsx';
import { RegisterExportLinks } from '../../features/registers.tsx';
import { DeleteConfirmation, orNull, RegisterForm, RowActions, useRegister } from '../../features/portfolio/register.tsx';
import { ContractAlertTag } from '../../features/portfolio/system-sections.tsx';

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
};

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
  const register = useRegister<Contract, ContractForm>({
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
    }),
  });
  const { list, form, errors, set } = register;
  // A saved contract can change the alerts.
  const reloadOverview = overview.reload;
  useEffect(() => {
    if (register.status) reloadOverview();
  }, [register.status, reloadOverview]);

  const rows = list.data ?? [];
  const canEdit = org.abilities.edit;
  const caption = t('contracts.caption', { org: org.name });
  const ownSystems = (systems.data ?? []).filter((s) => s.host === null).map((s) => ({ value: s.id, label: s.name }));
  const total = rows.reduce((sum, c) => sum + (c.yearlyCost ?? 0), 0);

  return (
    <Page title={orgTitle(t('contracts.title'), org)} heading={t('contracts.title')} intro={t('contracts.intro')}>
      <StatusMessage message={register.status} />
      <RegisterExportLinks orgId={org.id} register="contracts" />
      <section aria-labelledby="contracts-alerts">
        <Heading level={2} data-size="sm" id="contracts-alerts">
          {t('contracts.alerts')}
        </Heading>
        {overview.error ? <LoadError error={overview.error} onRetry={overview.reload} /> : null}
        {overview.data ? <RenewalAlerts alerts={overview.data.alerts} slug={org.slug} headingLevel={3} /> : null}
      </section>

      <section aria-labelledby="contracts-list">
        <Heading level={2} data-size="sm" id="contracts-list">
          {t('contracts.all')}
        </Heading>
        {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {list.loading && !list.data ? <Loading /> : null}
        {list.data && rows.length === 0 ? <Paragraph>{t('contracts.empty')}</Paragraph> : null}
        {rows.length > 0 ? (
          <TableScroll label={caption}>
            <Table zebra border className="data-table">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('contracts.colTitle')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('contracts.colType')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{label('systemId')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('contracts.colSupplier')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('contracts.colEnd')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('contracts.colNotice')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('contracts.colLicences')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('contracts.colYearlyCost')}
                  </Table.HeaderCell>
                  {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                    <Table.Cell>{CONTRACT_TYPE_LABELS[c.type]}</Table.Cell>
                    <Table.Cell>{c.systemId ? <RouterLink to={systemUrl(org.slug, c.systemId)}>{c.systemName}</RouterLink> : '–'}</Table.Cell>
                    <Table.Cell>{c.supplierName ?? '–'}</Table.Cell>
                    <Table.Cell>
                      <span className="nowrap">{date(c.endDate)}</span> <ContractAlertTag contract={c} />
                    </Table.Cell>
                    <Table.Cell className="num">{int(c.noticeMonths)}</Table.Cell>
                    <Table.Cell className="num">{int(c.licenceCount)}</Table.Cell>
                    <Table.Cell className="num">{kr(c.yearlyCost)}</Table.Cell>
                    {canEdit ? (
                      <Table.Cell>
                        <RowActions register={register} item={c} name={c.title} />
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
              <Table.Foot>
                <Table.Row>
                  <Table.HeaderCell scope="row" colSpan={7}>
                    {t('contracts.total')}
                  </Table.HeaderCell>
                  <Table.Cell className="num">{kr(total)}</Table.Cell>
                  {canEdit ? <Table.Cell /> : null}
                </Table.Row>
              </Table.Foot>
            </Table>
          </TableScroll>
        ) : null}
      </section>

      <DeleteConfirmation register={register} nameOf={(c) => c.title} />

      {canEdit ? (
        <RegisterForm
          register={register}
          idPrefix="contract"
          addHeading={t('contracts.addHeading')}
          editHeading={(c) => t('contracts.editHeading', { name: c.title })}
          addLabel={t('contracts.add')}
        >
          <TextInput id="contract-title" label={t('contracts.colTitle')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} autoComplete="off" />
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
        </RegisterForm>
      ) : null}
    </Page>
  );
}
