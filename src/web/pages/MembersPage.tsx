import { useState, type FormEvent } from 'react';
import { Button } from '@digdir/designsystemet-react';
import type { Member } from '../../domain/user.ts';
import type { Role } from '../../domain/roles.ts';
import { ROLE_LABELS } from '../labels.ts';
import { api, orgPath } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { NoAccess, Page, VisuallyHidden } from '../components/ui.tsx';
import type { TableColumn } from '../components/register-table/RegisterTable.tsx';
import { useRegister } from '../components/register/register.tsx';
import { RegisterView } from '../components/register/RegisterView.tsx';
import { choicesFrom, fieldError, label, problemMessage, SelectInput, TextInput } from '../forms.tsx';

interface MemberForm {
  username: string;
  displayName: string;
  email: string;
  password: string;
  role: Role;
}

const EMPTY: MemberForm = { username: '', displayName: '', email: '', password: '', role: 'reader' };

function RoleEditor({ member, onChanged }: { member: Member; onChanged: (m: Member, message: string) => void }) {
  const t = useT();
  const org = useOrganization();
  const [role, setRole] = useState<Role>(member.role);
  const [error, setError] = useState<string | null>(null);
  const id = `role-${member.userId}`;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    try {
      const saved = await api.patch<Member>(orgPath(org.id, `/members/${member.userId}`), { version: member.version, role });
      onChanged(saved, t('members.roleChanged', { name: saved.displayName, role: ROLE_LABELS[saved.role] }));
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={id} className="visually-hidden">
        {t('members.roleFor', { name: member.displayName })}
      </label>
      <select id={id} className="ds-input inline-select" value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" data-size="sm" disabled={role === member.role}>
        {t('members.changeRole')}
        <VisuallyHidden> {member.displayName}</VisuallyHidden>
      </Button>
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

export function MembersPage() {
  const org = useOrganization();
  if (!org.abilities.admin) return <NoAccess />;
  return <Members />;
}

/** Members are added and removed here; a member's role changes in its row (there is no edit form). */
function Members() {
  const t = useT();
  const org = useOrganization();
  const register = useRegister<Member, MemberForm>({
    path: orgPath(org.id, '/members'),
    empty: EMPTY,
    idPrefix: 'member',
    keyOf: (m) => m.userId,
    nameOf: (m) => m.displayName,
    formOf: () => EMPTY,
    validate: (f) => (f.username.trim() === '' ? [{ field: 'username', message: t('login.usernameRequired') }] : []),
    bodyOf: (f) => ({
      username: f.username,
      displayName: f.displayName.trim() === '' ? undefined : f.displayName,
      email: f.email.trim() === '' ? undefined : f.email,
      password: f.password === '' ? undefined : f.password,
      role: f.role,
    }),
    createdMessage: (m) => t('members.added', { name: m.displayName }),
    deletedMessage: (m) => t('members.removed', { name: m.displayName }),
  });
  const { form, errors, set } = register;
  const columns: TableColumn<Member>[] = [
    { key: 'displayName', header: label('displayName'), value: (m) => m.displayName },
    { key: 'username', header: label('username'), value: (m) => m.username },
    { key: 'email', header: label('email'), value: (m) => m.email },
    {
      key: 'role',
      header: label('role'),
      value: (m) => ROLE_LABELS[m.role],
      render: (m) => (
        <RoleEditor
          key={`${m.userId}-${m.version}`}
          member={m}
          onChanged={(_, message) => {
            register.setStatus(message);
            register.list.reload();
          }}
        />
      ),
    },
  ];

  return (
    <Page title={t('members.title')} intro={t('members.intro')}>
      <RegisterView
        register={register}
        idPrefix="member"
        caption={t('members.caption', { org: org.name })}
        columns={columns}
        nameOf={(m) => m.displayName}
        canEdit
        emptyText={t('members.empty')}
        rowEdit={false}
        remove={{
          label: t('members.remove'),
          question: (m) => t('members.removeConfirm', { name: m.displayName, org: org.name }),
          confirmLabel: t('members.confirmRemove'),
        }}
        form={{
          addHeading: t('members.addHeading'),
          editHeading: () => t('members.addHeading'),
          addLabel: t('members.add'),
          fields: (
            <>
              <TextInput
                id="member-username"
                label={label('username')}
                description={t('members.usernameHint')}
                value={form.username}
                onChange={set('username')}
                autoComplete="off"
                error={fieldError(errors, 'username')}
              />
              <div className="form-row">
                <TextInput
                  id="member-displayName"
                  label={label('displayName')}
                  value={form.displayName}
                  onChange={set('displayName')}
                  autoComplete="off"
                  error={fieldError(errors, 'displayName')}
                />
                <TextInput
                  id="member-email"
                  label={label('email')}
                  type="email"
                  value={form.email}
                  onChange={set('email')}
                  autoComplete="off"
                  error={fieldError(errors, 'email')}
                />
              </div>
              <div className="form-row">
                <TextInput
                  id="member-password"
                  label={label('password')}
                  type="password"
                  description={t('members.passwordHint')}
                  value={form.password}
                  onChange={set('password')}
                  autoComplete="new-password"
                  error={fieldError(errors, 'password')}
                />
                <SelectInput
                  id="member-role"
                  label={label('role')}
                  value={form.role}
                  onChange={(v) => register.setForm((f) => ({ ...f, role: v as Role }))}
                  choices={choicesFrom(ROLE_LABELS)}
                  error={fieldError(errors, 'role')}
                />
              </div>
            </>
          ),
        }}
      />
    </Page>
  );
}
