/** Supplier register: vendors (programleverandør) and operators (driftsleverandør) with their support contact. */
import { Fragment } from 'react';
import { useSearchFilter } from '../../components/SearchFilter.tsx';
import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Supplier } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { fieldError, label, TextInput } from '../../forms.tsx';
import { dash, orgTitle } from '../../features/portfolio/common.tsx';
import { ExpandButton, RegisterExportLinks, SupplierLinks, useExpanded } from '../../features/registers.tsx';
import { DeleteConfirmation, orNull, RegisterForm, RowActions, useRegister } from '../../features/portfolio/register.tsx';

interface SupplierForm {
  name: string;
  organizationNumber: string;
  supportPhone: string;
  supportEmail: string;
  supportUrl: string;
  note: string;
}

const EMPTY: SupplierForm = { name: '', organizationNumber: '', supportPhone: '', supportEmail: '', supportUrl: '', note: '' };

export function SuppliersPage() {
  const t = useT();
  const org = useOrganization();
  const register = useRegister<Supplier, SupplierForm>({
    path: orgPath(org.id, '/suppliers'),
    empty: EMPTY,
    idPrefix: 'supplier',
    nameOf: (s) => s.name,
    formOf: (s) => ({
      name: s.name,
      organizationNumber: s.organizationNumber ?? '',
      supportPhone: s.supportPhone ?? '',
      supportEmail: s.supportEmail ?? '',
      supportUrl: s.supportUrl ?? '',
      note: s.note ?? '',
    }),
    bodyOf: (f) => ({ ...f, note: orNull(f.note) }),
  });
  const { list, form, errors, set } = register;
  const found = useSearchFilter(list.data ?? [], (row) => row.name);
  const rows = found.rows;
  const canEdit = org.abilities.edit;
  const caption = t('suppliers.caption', { org: org.name });
  const expanded = useExpanded();
  const columns = canEdit ? 7 : 6;

  return (
    <Page title={orgTitle(t('suppliers.title'), org)} heading={t('suppliers.title')} intro={t('suppliers.intro')}>
      <StatusMessage message={register.status} />
      <RegisterExportLinks orgId={org.id} register="suppliers" />
      {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {found.notice}
      {list.data && list.data.length === 0 ? <Paragraph>{t('suppliers.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('organizationNumber')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('supportPhone')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('supportEmail')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('supportUrl')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('registers.colRelations')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((s) => (
                <Fragment key={s.id}>
                <Table.Row>
                  <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                  <Table.Cell className="nowrap">{dash(s.organizationNumber)}</Table.Cell>
                  <Table.Cell className="nowrap">{dash(s.supportPhone)}</Table.Cell>
                  <Table.Cell>{s.supportEmail ? <Link href={`mailto:${s.supportEmail}`}>{s.supportEmail}</Link> : '–'}</Table.Cell>
                  <Table.Cell className="break">
                    {s.supportUrl ? (
                      <Link href={s.supportUrl} target="_blank" rel="noreferrer">
                        {s.supportUrl}
                      </Link>
                    ) : (
                      '–'
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <ExpandButton open={expanded.isOpen(s.id)} onClick={() => expanded.toggle(s.id)} label={t('registers.showLinks', { name: s.name })} controls={`supplier-links-${s.id}`} />
                  </Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      <RowActions register={register} item={s} name={s.name} />
                    </Table.Cell>
                  ) : null}
                </Table.Row>
                {expanded.isOpen(s.id) ? (
                  <Table.Row id={`supplier-links-${s.id}`}>
                    <Table.Cell colSpan={columns}>
                      <SupplierLinks orgId={org.id} slug={org.slug} supplierId={s.id} name={s.name} open />
                    </Table.Cell>
                  </Table.Row>
                ) : null}
                </Fragment>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      <DeleteConfirmation register={register} nameOf={(s) => s.name} />

      {canEdit ? (
        <RegisterForm
          register={register}
          idPrefix="supplier"
          addHeading={t('suppliers.addHeading')}
          editHeading={(s) => t('suppliers.editHeading', { name: s.name })}
          addLabel={t('suppliers.add')}
        >
          <TextInput id="supplier-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} autoComplete="off" />
          <TextInput
            id="supplier-organizationNumber"
            label={label('organizationNumber')}
            description={t('suppliers.orgNumberHint')}
            inputMode="numeric"
            value={form.organizationNumber}
            onChange={set('organizationNumber')}
            error={fieldError(errors, 'organizationNumber')}
          />
          <div className="form-row">
            <TextInput id="supplier-supportPhone" label={label('supportPhone')} value={form.supportPhone} onChange={set('supportPhone')} error={fieldError(errors, 'supportPhone')} />
            <TextInput
              id="supplier-supportEmail"
              type="email"
              label={label('supportEmail')}
              value={form.supportEmail}
              onChange={set('supportEmail')}
              error={fieldError(errors, 'supportEmail')}
            />
          </div>
          <TextInput id="supplier-supportUrl" label={label('supportUrl')} value={form.supportUrl} onChange={set('supportUrl')} error={fieldError(errors, 'supportUrl')} />
          <TextInput id="supplier-note" label={label('note')} value={form.note} onChange={set('note')} multiline error={fieldError(errors, 'note')} />
        </RegisterForm>
      ) : null}
    </Page>
  );
}
