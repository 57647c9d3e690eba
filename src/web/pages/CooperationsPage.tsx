import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Cooperation, CooperationInvitation, CooperationMember, CostKey } from '../../domain/cooperation.ts';
import { COST_KEY_LABELS } from '../labels.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Loading, Page, StatusMessage, useFocusOn, VisuallyHidden, TableScroll } from '../components/ui.tsx';
import { OrgPicker, type DirectoryEntry } from '../components/OrgPicker.tsx';
import {
  choicesFrom,
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

interface CoopForm {
  name: string;
  description: string;
  costKey: CostKey | '';
  memberIds: ReadonlySet<string>;
}

const EMPTY: CoopForm = { name: '', description: '', costKey: '', memberIds: new Set() };
const IDS: Readonly<Record<string, string>> = {
  name: 'coop-name',
  description: 'coop-description',
  costKey: 'coop-costKey',
  memberIds: 'coop-members-filter',
};

/** Invitations to the organization, for its administrator to accept or decline. */
function Invitations({ onAnswered }: { onAnswered: (message: string) => void }) {
  const t = useT();
  const org = useOrganization();
  const invitations = useApi<CooperationInvitation[]>(orgPath(org.id, '/cooperation-invitations'));
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rows = invitations.data ?? [];

  const answer = async (i: CooperationInvitation, verb: 'accept' | 'decline') => {
    setBusy(i.cooperationId);
    setError(null);
    try {
      await api.post(orgPath(org.id, `/cooperations/${i.cooperationId}/${verb}`));
      onAnswered(t(verb === 'accept' ? 'coop.acceptedStatus' : 'coop.declinedStatus', { name: i.name }));
      invitations.reload();
    } catch (e) {
      setError(problemMessage(e, t));
      invitations.reload();
    } finally {
      setBusy(null);
    }
  };

  if (invitations.error) return <LoadError error={invitations.error} onRetry={invitations.reload} />;
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="coop-invitations-heading" className="form-section">
      <Heading level={2} data-size="sm" id="coop-invitations-heading">
        {t('coop.invitations')}
      </Heading>
      <Paragraph className="muted">{t('coop.invitationsIntro', { org: org.name })}</Paragraph>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <TableScroll label={t('coop.invitationsCaption', { org: org.name })}>
        <Table zebra border className="data-table">
          <caption>{t('coop.invitationsCaption', { org: org.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('coop.invitedBy')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((i) => (
              <Table.Row key={i.cooperationId}>
                <Table.HeaderCell scope="row">{i.name}</Table.HeaderCell>
                <Table.Cell>{i.hostName}</Table.Cell>
                <Table.Cell>
                  <div className="row-actions">
                    <Button data-size="sm" disabled={busy !== null} onClick={() => void answer(i, 'accept')}>
                      {t('coop.accept')}
                      <VisuallyHidden> {i.name}</VisuallyHidden>
                    </Button>
                    <Button variant="secondary" data-size="sm" disabled={busy !== null} onClick={() => void answer(i, 'decline')}>
                      {t('coop.decline')}
                      <VisuallyHidden> {i.name}</VisuallyHidden>
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

export function CooperationsPage() {
  const t = useT();
  const org = useOrganization();
  const cooperations = useApi<Cooperation[]>(orgPath(org.id, '/cooperations'));
  const directory = useApi<DirectoryEntry[]>(org.abilities.edit ? '/api/v1/directory' : null);
  const [editing, setEditing] = useState<Cooperation | null>(null);
  const [form, setForm] = useState<CoopForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Cooperation | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [formFocus, setFormFocus] = useState(0);
  const formHeadingRef = useFocusOn<HTMLHeadingElement>(formFocus || null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming?.id ?? null);
  const [leaving, setLeaving] = useState<Cooperation | null>(null);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const leaveRef = useFocusOn<HTMLDivElement>(leaving?.id ?? null);

  const canCreate = org.abilities.edit;
  const canEditRow = (c: Cooperation) => org.abilities.edit && c.organizationId === org.id;
  const rows = cooperations.data ?? [];
  // An accepted member's administrator may leave; the host deletes its cooperation instead.
  const canLeave = (c: Cooperation) => org.abilities.admin && c.organizationId !== org.id;
  const anyEditable = rows.some((c) => canEditRow(c) || canLeave(c));
  const memberText = (m: CooperationMember) =>
    m.state === 'accepted' ? m.name : `${m.name} (${t(m.state === 'invited' ? 'coop.stateInvited' : 'coop.stateDeclined')})`;

  const startEdit = (c: Cooperation) => {
    setEditing(c);
    setForm({
      name: c.name,
      description: c.description ?? '',
      costKey: c.costKey,
      memberIds: new Set(c.members.map((m) => m.organizationId)),
    });
    setErrors(NO_ERRORS);
    setStatus(null);
    setFormFocus((n) => n + 1);
  };
  const resetForm = () => {
    setEditing(null);
    setForm(EMPTY);
    setErrors(NO_ERRORS);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const body = {
      name: form.name,
      description: form.description,
      costKey: form.costKey === '' ? undefined : form.costKey,
      memberIds: [...form.memberIds],
    };
    try {
      const saved = editing
        ? await api.patch<Cooperation>(orgPath(org.id, `/cooperations/${editing.id}`), { version: editing.version, ...body })
        : await api.post<Cooperation>(orgPath(org.id, '/cooperations'), body);
      setStatus(editing ? t('common.saved', { name: saved.name }) : t('common.created', { name: saved.name }));
      resetForm();
      cooperations.reload();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(false);
    }
  };

  const onDelete = async (c: Cooperation) => {
    setDeleteError(null);
    try {
      await api.delete(orgPath(org.id, `/cooperations/${c.id}?version=${c.version}`));
      setConfirming(null);
      if (editing?.id === c.id) resetForm();
      setStatus(t('common.deleted', { name: c.name }));
      cooperations.reload();
    } catch (error) {
      setDeleteError(problemMessage(error, t));
    }
  };

  const onLeave = async (c: Cooperation) => {
    setLeaveError(null);
    try {
      await api.post(orgPath(org.id, `/cooperations/${c.id}/leave`));
      setLeaving(null);
      setStatus(t('coop.leftStatus', { org: org.name, name: c.name }));
      cooperations.reload();
    } catch (error) {
      setLeaveError(problemMessage(error, t));
    }
  };

  const reloadAll = () => {
    resetForm();
    setConfirming(null);
    setDeleteError(null);
    cooperations.reload();
  };

  return (
    <Page title={t('coop.title')} intro={t('coop.intro')}>
      <StatusMessage message={status} />
      {!canCreate ? <Paragraph className="muted">{t('common.readOnly')}</Paragraph> : null}
      {org.abilities.admin ? (
        <Invitations
          onAnswered={(message) => {
            setStatus(message);
            cooperations.reload();
          }}
        />
      ) : null}
      {cooperations.error ? <LoadError error={cooperations.error} onRetry={cooperations.reload} /> : null}
      {cooperations.loading && !cooperations.data ? <Loading /> : null}
      {cooperations.data && rows.length === 0 ? <Paragraph>{t('coop.empty')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={t('coop.caption', { org: org.name })}>
          <Table zebra border className="data-table">
            <caption>{t('coop.caption', { org: org.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{label('name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('coop.colHost')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('costKey')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{label('memberIds')}</Table.HeaderCell>
                {anyEditable ? <Table.HeaderCell scope="col">{t('common.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((c) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">
                    {c.name}
                    {c.description ? (
                      <Paragraph data-size="sm" className="muted cell-note">
                        {c.description}
                      </Paragraph>
                    ) : null}
                  </Table.HeaderCell>
                  <Table.Cell>{c.hostName}</Table.Cell>
                  <Table.Cell>{COST_KEY_LABELS[c.costKey]}</Table.Cell>
                  <Table.Cell>{c.members.map(memberText).join(', ') || '–'}</Table.Cell>
                  {anyEditable ? (
                    <Table.Cell>
                      {canEditRow(c) ? (
                        <div className="row-actions">
                          <Button variant="tertiary" data-size="sm" onClick={() => startEdit(c)}>
                            {t('common.edit')}
                            <VisuallyHidden> {c.name}</VisuallyHidden>
                          </Button>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            data-color="danger"
                            onClick={() => {
                              setDeleteError(null);
                              setConfirming(c);
                            }}
                          >
                            {t('common.delete')}
                            <VisuallyHidden> {c.name}</VisuallyHidden>
                          </Button>
                        </div>
                      ) : canLeave(c) ? (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          onClick={() => {
                            setLeaveError(null);
                            setLeaving(c);
                          }}
                        >
                          {t('coop.leave')}
                          <VisuallyHidden> {c.name}</VisuallyHidden>
                        </Button>
                      ) : (
                        <span className="muted">{t('coop.notHost')}</span>
                      )}
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}

      {confirming ? (
        <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
          <Paragraph>{t('common.deleteConfirm', { name: confirming.name })}</Paragraph>
          {deleteError ? (
            <Paragraph className="error-text" role="alert">
              {deleteError}
            </Paragraph>
          ) : null}
          <div className="form-actions">
            <Button data-color="danger" onClick={() => void onDelete(confirming)}>
              {t('common.confirmDelete')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            {deleteError ? (
              <Button variant="tertiary" onClick={reloadAll}>
                {t('common.reload')}
              </Button>
            ) : null}
          </div>
        </Alert>
      ) : null}

      {leaving ? (
        <Alert data-color="warning" className="block confirm" ref={leaveRef} tabIndex={-1}>
          <Paragraph>{t('coop.leaveConfirm', { org: org.name, name: leaving.name })}</Paragraph>
          {leaveError ? (
            <Paragraph className="error-text" role="alert">
              {leaveError}
            </Paragraph>
          ) : null}
          <div className="form-actions">
            <Button data-color="danger" onClick={() => void onLeave(leaving)}>
              {t('coop.confirmLeave')}
            </Button>
            <Button variant="secondary" onClick={() => setLeaving(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </Alert>
      ) : null}

      {canCreate ? (
        <section aria-labelledby="coop-form-heading" className="form-section">
          <Heading level={2} data-size="sm" id="coop-form-heading" ref={formHeadingRef} tabIndex={-1}>
            {editing ? t('coop.editHeading', { name: editing.name }) : t('coop.addHeading')}
          </Heading>
          {!editing ? <Paragraph className="muted">{t('coop.hostHint', { org: org.name })}</Paragraph> : null}
          <Paragraph className="muted">{t('coop.inviteHint')}</Paragraph>
          <FormFeedback errors={errors} idFor={(f) => IDS[f]} onReload={reloadAll} />
          <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="coop-form-heading">
            <TextInput
              id="coop-name"
              label={label('name')}
              value={form.name}
              onChange={(name) => setForm((f) => ({ ...f, name }))}
              error={fieldError(errors, 'name')}
            />
            <TextInput
              id="coop-description"
              label={label('description')}
              value={form.description}
              onChange={(description) => setForm((f) => ({ ...f, description }))}
              multiline
              error={fieldError(errors, 'description')}
            />
            <SelectInput
              id="coop-costKey"
              label={label('costKey')}
              value={form.costKey}
              onChange={(value) => setForm((f) => ({ ...f, costKey: value as CostKey | '' }))}
              choices={choicesFrom(COST_KEY_LABELS)}
              emptyLabel={t('common.notSet')}
              error={fieldError(errors, 'costKey')}
            />
            {directory.error ? <LoadError error={directory.error} onRetry={directory.reload} /> : null}
            <OrgPicker
              idPrefix="coop-members"
              legend={label('memberIds')}
              filterLabel={t('coop.memberFilter')}
              entries={directory.data ?? []}
              selected={form.memberIds}
              onToggle={(id, checked) =>
                setForm((f) => {
                  const memberIds = new Set(f.memberIds);
                  if (checked) memberIds.add(id);
                  else memberIds.delete(id);
                  return { ...f, memberIds };
                })
              }
              error={fieldError(errors, 'memberIds')}
            />
            <div className="form-actions">
              <Button type="submit" loading={busy}>
                {editing ? t('common.saveChanges') : t('coop.add')}
              </Button>
              {editing ? (
                <Button type="button" variant="secondary" onClick={resetForm}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
        </section>
      ) : null}
    </Page>
  );
}
