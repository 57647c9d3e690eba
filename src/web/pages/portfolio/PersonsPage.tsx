/** Person register: the people who hold roles on systems (systemeier, superbruker, …). */
import { Fragment } from 'react';
import { useSearchFilter } from '../../components/SearchFilter.tsx';
import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Person } from '../../../domain/portfolio.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { fieldError, label, TextInput } from '../../forms.tsx';
import { dash, orgTitle } from '../../features/portfolio/common.tsx';
import { ExpandButton, PersonSystems, RegisterExportLinks, useExpanded } from '../../features/registers.tsx';
import { CheckboxInput, DeleteConfirmation, orNull, RegisterForm, RowActions, useRegister } from '../../features/portfolio/register.tsx';

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
  const { list, form, errors, set } = register;
  const found = useSearchFilter(list.data ?? [], (row) => row.name);
  const rows = found.rows;
  const canEdit = org.abilities.edit;
  const caption = t('persons.caption', { org: org.name });
  const expanded = useExpanded();
  const columns = canEdit ? 8 : 7;

  return (
    <Page title={orgTitle(t('persons.title'), org)} heading={t('persons.title')} intro={t('persons.intro')}>
      <StatusMessage message={register.status} />
      <RegisterExportLinks orgId={org.id} register="persons" />
      {!canEdit ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {found.notice}
      {list.data && list.data.length === 0 ? <Paragraph>{t('persons.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('title')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('phone')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('persons.colPublic')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('registers.colRelations')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((p) => (
                <Fragment key={p.id}>
                <Table.Row>
                  <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                  <Table.Cell>{dash(p.title)}</Table.Cell>
                  <Table.Cell>{dash(p.unit)}</Table.Cell>
                  <Table.Cell>{p.email ? <Link href={`mailto:${p.email}`}>{p.email}</Link> : '–'}</Table.Cell>
                  <Table.Cell className="nowrap">{dash(p.phone)}</Table.Cell>
                  <Table.Cell>{p.publicContact ? t('common.yes') : t('common.no')}</Table.Cell>
                  <Table.Cell>
                    <ExpandButton open={expanded.isOpen(p.id)} onClick={() => expanded.toggle(p.id)} label={t('registers.showSystems', { name: p.name })} controls={`person-systems-${p.id}`} />
                  </Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      <RowActions register={register} item={p} name={p.name} />
                    </Table.Cell>
                  ) : null}
                </Table.Row>
                {expanded.isOpen(p.id) ? (
                  <Table.Row id={`person-systems-${p.id}`}>
                    <Table.Cell colSpan={columns}>
                      <PersonSystems orgId={org.id} slug={org.slug} personId={p.id} name={p.name} open />
                    </Table.Cell>
                  </Table.Row>
                ) : null}
                </Fragment>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      <DeleteConfirmation register={register} nameOf={(p) => p.name} />

      {canEdit ? (
        <RegisterForm
          register={register}
          idPrefix="person"
          addHeading={t('persons.addHeading')}
          editHeading={(p) => t('persons.editHeading', { name: p.name })}
          addLabel={t('persons.add')}
        >
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
        </RegisterForm>
      ) : null}
    </Page>
  );
}
