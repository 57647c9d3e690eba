import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Member } from '../../domain/user.ts';
import type { Role } from '../../domain/roles.ts';
import { ROLE_LABELS } from '../labels.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, NoAccess, Page, StatusMessage, useFocusOn, VisuallyHidden, TableScroll } from '../components/ui.tsx';
import {
  choicesFrom,
  clientErrors,
  errorsFrom,
  fieldError,
  FormFeedback,
  label,
  NO_ERRORS,
  problemMessage,
  SelectInput,
  TextInput,
  type FormErrors,
} from '../forms.tsx';

interface MemberForm {
  username: string;
  displayName: string;
  email: string;
  password: string;
  role: Role;
}

const EMPTY: MemberForm = { username: '', displayName: '', email: '', password: '', role: 'reader' };
const IDS: Readonly<Record<string, string>> = {
  username: 'member-username',
  displayName: 'member-displayName',
  email: 'member-email',
  password: 'member-password',
  role: 'member-role',
};

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
  const t = useT();
  const org = useOrganization();
  const members = useApi<Member[]>(org.abilities.admin ? orgPath(org.id, '/members') : null);
  const [form, setForm] = useState<MemberForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Member | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming?.userId ?? null);

  if (!org.abilities.admin) return <NoAccess />;

  const set = (field: keyof MemberForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus(null);
    if (form.username.trim() === '') {
      setErrors((prev) => clientErrors([{ field: 'username', message: t('login.usernameRequired') }], prev));
      return;
    }
    setBusy(true);
    const body = {
      username: form.username,
      displayName: form.displayName.trim() === '' ? undefined : form.displayName,
      email: form.email.trim() === '' ? undefined : form.email,
      password: form.password === '' ? undefined : form.password,
      role: form.role,
    };
    try {
      const saved = await api.post<Member>(orgPath(org.id, '/members'), body);
      setStatus(t('members.added', { name: saved.displayName }));
      setForm(EMPTY);
      setErrors(NO_ERRORS);
      members.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const onRemove = async (m: Member) => {
    setRemoveError(null);
    try {
      await api.delete(orgPath(org.id, `/members/${m.userId}?version=${m.version}`));
      setConfirming(null);
      setStatus(t('members.removed', { name: m.displayName }));
      members.reload();
    } catch (error) {
      setRemoveError(problemMessage(error, t));
    }
  };

  const rows = members.data ?? [];
  return (
    <Page title={t('members.title')} intro={t('members.intro')}>
      <StatusMessage message={status} />
      {members.error ? <LoadError error={members.error} onRetry={members.reload} /> : null}
      {members.loading && !members.data ? <Loading /> : null}
      {members.data && rows.length === 0 ? <Paragraph>{t('members.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('members.caption', { org: org.name })}>
          <Table zebra border className="data-table">
            <caption>{t('members.caption', { org: org.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('displayName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('username')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('email')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((m) => (
                <Table.Row key={m.userId}>
                  <Table.HeaderCell scope="row">{m.displayName}</Table.HeaderCell>
                  <Table.Cell>{m.username}</Table.Cell>
                  <Table.Cell>{m.email ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <RoleEditor
                      key={`${m.userId}-${m.version}`}
                      member={m}
                      onChanged={(_, message) => {
                        setStatus(message);
                        members.reload();
                      }}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      onClick={() => {
                        setRemoveError(null);
                        setConfirming(m);
                      }}
                    >
                      {t('members.remove')}
                      <VisuallyHidden> {m.displayName}</VisuallyHidden>
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      {confirming ? (
        <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
          <Paragraph>{t('members.removeConfirm', { name: confirming.displayName, org: org.name })}</Paragraph>
          {removeError ? (
            <Paragraph className="error-text" role="alert">
              {removeError}
            </Paragraph>
          ) : null}
          <div className="form-actions">
            <Button data-color="danger" onClick={() => void onRemove(confirming)}>
              {t('members.confirmRemove')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            {removeError ? (
              <Button
                variant="tertiary"
                onClick={() => {
                  setConfirming(null);
                  members.reload();
                }}
              >
                {t('common.reload')}
              </Button>
            ) : null}
          </div>
        </Alert>
      ) : null}

      <section aria-labelledby="member-form-heading" className="form-section">
        <Heading level={2} data-size="sm" id="member-form-heading">
          {t('members.addHeading')}
        </Heading>
        <FormFeedback errors={errors} idFor={(f) => IDS[f]} onReload={members.reload} />
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="member-form-heading">
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
              onChange={set('role')}
              choices={choicesFrom(ROLE_LABELS)}
              error={fieldError(errors, 'role')}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" loading={busy}>
              {t('members.add')}
            </Button>
          </div>
        </form>
      </section>
    </Page>
  );
}
