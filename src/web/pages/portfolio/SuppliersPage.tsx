/** Supplier register: vendors (programleverandør) and operators (driftsleverandør) with their support contact. */
import { Link } from '@digdir/designsystemet-react';
import type { Supplier } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { Page } from '../../components/ui.tsx';
import type { TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { RegisterView } from '../../components/register/RegisterView.tsx';
import { fieldError, label, TextInput } from '../../forms.tsx';
import { dash, orgTitle } from '../../features/portfolio/common.tsx';
import { ExpandButton, RegisterExportLinks, SupplierLinks, useExpanded } from '../../features/registers.tsx';
import { orNull, useRegister } from '../../components/register/register.tsx';

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
  const { form, errors, set } = register;
  const canEdit = org.abilities.edit;
  const expanded = useExpanded();
  const columns: TableColumn<Supplier>[] = [
    { key: 'name', header: label('name'), value: (s) => s.name },
    { key: 'organizationNumber', header: label('organizationNumber'), value: (s) => s.organizationNumber, render: (s) => dash(s.organizationNumber), className: 'nowrap' },
    { key: 'supportPhone', header: label('supportPhone'), value: (s) => s.supportPhone, render: (s) => dash(s.supportPhone), className: 'nowrap' },
    {
      key: 'supportEmail',
      header: label('supportEmail'),
      value: (s) => s.supportEmail,
      render: (s) => (s.supportEmail ? <Link href={`mailto:${s.supportEmail}`}>{s.supportEmail}</Link> : '–'),
    },
    {
      key: 'supportUrl',
      header: label('supportUrl'),
      value: (s) => s.supportUrl,
      className: 'break',
      render: (s) =>
        s.supportUrl ? (
          <Link href={s.supportUrl} target="_blank" rel="noreferrer">
            {s.supportUrl}
          </Link>
        ) : (
          '–'
        ),
    },
    {
      key: 'relations',
      header: t('registers.colRelations'),
      value: () => null,
      sortable: false,
      render: (s) => <ExpandButton open={expanded.isOpen(s.id)} onClick={() => expanded.toggle(s.id)} label={t('registers.showLinks', { name: s.name })} controls={`supplier-links-${s.id}`} />,
    },
  ];

  return (
    <Page title={orgTitle(t('suppliers.title'), org)} heading={t('suppliers.title')} intro={t('suppliers.intro')}>
      <RegisterView
        register={register}
        idPrefix="supplier"
        caption={t('suppliers.caption', { org: org.name })}
        columns={columns}
        nameOf={(s) => s.name}
        searchName={(s) => s.name}
        canEdit={canEdit}
        emptyText={t('suppliers.empty')}
        top={<RegisterExportLinks orgId={org.id} register="suppliers" />}
        expansion={(s) =>
          expanded.isOpen(s.id) ? { id: `supplier-links-${s.id}`, content: <SupplierLinks orgId={org.id} slug={org.slug} supplierId={s.id} name={s.name} open /> } : null
        }
        form={{
          addHeading: t('suppliers.addHeading'),
          editHeading: (s) => t('suppliers.editHeading', { name: s.name }),
          addLabel: t('suppliers.add'),
          fields: (
            <>
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
            </>
          ),
        }}
      />
    </Page>
  );
}
