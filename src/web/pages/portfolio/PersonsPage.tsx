/** Person register: the people who hold roles on systems (systemeier, superbruker, …). */
import { Link } from '@digdir/designsystemet-react';
import type { Person } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { Page } from '../../components/ui.tsx';
import type { TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { RegisterView } from '../../components/register/RegisterView.tsx';
import { fieldError, label, TextInput } from '../../forms.tsx';
import { dash, orgTitle } from '../../features/portfolio/common.tsx';
import { ExpandButton, PersonSystems, RegisterExportLinks, useExpanded } from '../../features/registers.tsx';
import { CheckboxInput, orNull, useRegister } from '../../components/register/register.tsx';

interface PersonForm {
  name: string;
  title: string;
  unit: string;
  email: string;
  phone: string;
  publicContact: boolean;
}

const EMPTY: PersonForm = { name: '', title: '', unit: '', email: '', phone: '', publicContact: false };

export function PersonsPage() {
  const t = useT();
  const org = useOrganization();
  const register = useRegister<Person, PersonForm>({
    path: orgPath(org.id, '/persons'),
    empty: EMPTY,
    idPrefix: 'person',
    nameOf: (p) => p.name,
    formOf: (p) => ({
      name: p.name,
      title: p.title ?? '',
      unit: p.unit ?? '',
      email: p.email ?? '',
      phone: p.phone ?? '',
      publicContact: p.publicContact,
    }),
    bodyOf: (f) => ({ ...f, title: orNull(f.title), unit: orNull(f.unit), email: f.email, phone: f.phone }),
  });
  const { form, errors, set } = register;
  const canEdit = org.abilities.edit;
  const expanded = useExpanded();
  const yesNo = (b: boolean) => (b ? t('common.yes') : t('common.no'));
  const columns: TableColumn<Person>[] = [
    { key: 'name', header: label('name'), value: (p) => p.name },
    { key: 'title', header: label('title'), value: (p) => p.title, render: (p) => dash(p.title) },
    { key: 'unit', header: label('unit'), value: (p) => p.unit, render: (p) => dash(p.unit) },
    { key: 'email', header: label('email'), value: (p) => p.email, render: (p) => (p.email ? <Link href={`mailto:${p.email}`}>{p.email}</Link> : '–') },
    { key: 'phone', header: label('phone'), value: (p) => p.phone, render: (p) => dash(p.phone), className: 'nowrap' },
    { key: 'publicContact', header: t('persons.colPublic'), value: (p) => yesNo(p.publicContact) },
    {
      key: 'relations',
      header: t('registers.colRelations'),
      value: () => null,
      sortable: false,
      render: (p) => <ExpandButton open={expanded.isOpen(p.id)} onClick={() => expanded.toggle(p.id)} label={t('registers.showSystems', { name: p.name })} controls={`person-systems-${p.id}`} />,
    },
  ];

  return (
    <Page title={orgTitle(t('persons.title'), org)} heading={t('persons.title')} intro={t('persons.intro')}>
      <RegisterView
        register={register}
        idPrefix="person"
        caption={t('persons.caption', { org: org.name })}
        columns={columns}
        nameOf={(p) => p.name}
        searchName={(p) => p.name}
        canEdit={canEdit}
        emptyText={t('persons.empty')}
        top={<RegisterExportLinks orgId={org.id} register="persons" />}
        expansion={(p) =>
          expanded.isOpen(p.id) ? { id: `person-systems-${p.id}`, content: <PersonSystems orgId={org.id} slug={org.slug} personId={p.id} name={p.name} open /> } : null
        }
        form={{
          addHeading: t('persons.addHeading'),
          editHeading: (p) => t('persons.editHeading', { name: p.name }),
          addLabel: t('persons.add'),
          fields: (
            <>
          <TextInput id="person-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} autoComplete="off" />
          <div className="form-row">
            <TextInput id="person-title" label={label('title')} value={form.title} onChange={set('title')} error={fieldError(errors, 'title')} />
            <TextInput id="person-unit" label={label('unit')} value={form.unit} onChange={set('unit')} error={fieldError(errors, 'unit')} />
          </div>
          <div className="form-row">
            <TextInput id="person-email" type="email" label={label('email')} value={form.email} onChange={set('email')} error={fieldError(errors, 'email')} autoComplete="off" />
            <TextInput id="person-phone" label={label('phone')} value={form.phone} onChange={set('phone')} error={fieldError(errors, 'phone')} autoComplete="off" />
          </div>
          <CheckboxInput
            id="person-publicContact"
            label={label('publicContact')}
            description={t('persons.publicHint')}
            checked={form.publicContact}
            onChange={set('publicContact')}
          />
            </>
          ),
        }}
      />
    </Page>
  );
}
