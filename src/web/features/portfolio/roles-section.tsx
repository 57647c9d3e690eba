/** The system page's roles section: who holds each role, for the owner and each member. */
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { SYSTEM_ROLES, type SystemDetail, type SystemRole } from '../../../domain/portfolio.ts';
import { SYSTEM_ROLE_LABELS } from '../../labels.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage, TableScroll, VisuallyHidden } from '../../components/ui.tsx';
import { choicesFrom, clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, problemMessage, SelectInput, type FormErrors } from '../../forms.tsx';
import { Contact, personChoice, supplierChoice, usePersons, useSuppliers } from './common.tsx';

export function RolesSection({ org, system, onChanged }: { org: AccessibleOrganization; system: SystemDetail; onChanged: () => void }) {
  const t = useT();
  const canEdit = org.abilities.edit;
  const persons = usePersons(org.id);
  const suppliers = useSuppliers(org.id);
  const [role, setRole] = useState<SystemRole>('super_user');
  const [kind, setKind] = useState<'person' | 'supplier'>('person');
  const [holderId, setHolderId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const roles = [...system.roles].sort((a, b) => SYSTEM_ROLES.indexOf(a.role) - SYSTEM_ROLES.indexOf(b.role) || a.holder.name.localeCompare(b.holder.name, 'nb'));
  const caption = t('system.rolesCaption', { name: system.name });
  const holderChoices = kind === 'person' ? (persons.data ?? []).map(personChoice) : (suppliers.data ?? []).map(supplierChoice);

  const onAdd = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (holderId === '') {
      setErrors((prev) => clientErrors([{ field: kind === 'person' ? 'personId' : 'supplierId', message: t('system.roleHolderMissing') }], prev));
      return;
    }
    setBusy(true);
    setStatus(null);
    const body = kind === 'person' ? { role, personId: holderId } : { role, supplierId: holderId };
    api.post<SystemDetail>(orgPath(org.id, `/systems/${system.id}/roles`), body).then(
      () => {
        const name =
          (kind === 'person' ? persons.data?.find((p) => p.id === holderId)?.name : suppliers.data?.find((p) => p.id === holderId)?.name) ?? '';
        setBusy(false);
        setErrors(NO_ERRORS);
        setHolderId('');
        setStatus(t('system.roleAdded', { name, role: SYSTEM_ROLE_LABELS[role] }));
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setErrors((prev) => errorsFrom(error, t, prev));
      },
    );
  };

  const onRemove = (roleId: string, name: string, roleName: string) => {
    setRemoveError(null);
    setStatus(null);
    api.delete(orgPath(org.id, `/systems/${system.id}/roles/${roleId}`)).then(
      () => {
        setStatus(t('system.roleRemoved', { name, role: roleName }));
        onChanged();
      },
      (error: unknown) => setRemoveError(problemMessage(error, t)),
    );
  };

  return (
    <section aria-labelledby="system-roles">
      <Heading level={2} data-size="sm" id="system-roles">
        {t('system.roles')}
      </Heading>
      <StatusMessage message={status} />
      {removeError ? (
        <Alert data-color="danger" className="block" role="alert">
          {removeError}
        </Alert>
      ) : null}
      {roles.length === 0 ? (
        <Paragraph>{t('system.noRoles')}</Paragraph>
      ) : (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('system.colRole')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colHolder')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colServes')}</Table.HeaderCell>
                {canEdit ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {roles.map((r) => (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row">{SYSTEM_ROLE_LABELS[r.role]}</Table.HeaderCell>
                  <Table.Cell>
                    <Contact holder={r.holder} />
                  </Table.Cell>
                  <Table.Cell>{r.organization.name}</Table.Cell>
                  {canEdit ? (
                    <Table.Cell>
                      {r.organization.id === org.id ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          onClick={() => onRemove(r.id, r.holder.name, SYSTEM_ROLE_LABELS[r.role])}
                        >
                          {t('system.removeRole')}
                          <VisuallyHidden>
                            {' '}
                            {r.holder.name} ({SYSTEM_ROLE_LABELS[r.role]})
                          </VisuallyHidden>
                        </Button>
                      ) : (
                        <span className="muted">{t('system.otherOrgRole')}</span>
                      )}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {canEdit ? (
        <div className="inline-section">
          <Heading level={3} data-size="xs" id="role-form-heading">
            {system.owned ? t('system.addRole') : t('system.addOwnRole', { org: org.name })}
          </Heading>
          <FormFeedback errors={errors} idFor={(f) => (f === 'role' ? 'role-role' : f === 'personId' || f === 'supplierId' ? 'role-holder' : undefined)} />
          <form className="form" noValidate onSubmit={onAdd} aria-labelledby="role-form-heading">
            <div className="form-row">
              <SelectInput id="role-role" label={t('system.colRole')} value={role} onChange={(v) => setRole(v as SystemRole)} choices={choicesFrom(SYSTEM_ROLE_LABELS)} />
              <SelectInput
                id="role-kind"
                label={t('system.holderKind')}
                value={kind}
                onChange={(v) => {
                  setKind(v === 'supplier' ? 'supplier' : 'person');
                  setHolderId('');
                }}
                choices={[
                  { value: 'person', label: t('system.kindPerson') },
                  { value: 'supplier', label: t('system.kindSupplier') },
                ]}
              />
            </div>
            <SelectInput
              id="role-holder"
              label={kind === 'person' ? t('system.pickPerson') : t('system.pickSupplier')}
              value={holderId}
              onChange={setHolderId}
              choices={holderChoices}
              emptyLabel={t('common.notSet')}
              description={
                <>
                  {kind === 'person' ? t('system.personHint') : t('system.supplierHint')}{' '}
                  <RouterLink to={kind === 'person' ? `/o/${org.slug}/personer` : `/o/${org.slug}/leverandorer`}>
                    {kind === 'person' ? t('system.toPersons') : t('system.toSuppliers')}
                  </RouterLink>
                </>
              }
              error={fieldError(errors, 'personId') ?? fieldError(errors, 'supplierId')}
            />
            <div className="form-actions">
              <Button type="submit" variant="secondary" loading={busy}>
                {t('system.addRoleButton')}
              </Button>
            </div>
          </form>
        </div>
      ) : null}
    </section>
  );
}
