import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Cooperation, CooperationInvitation, CooperationMember, CostKey } from '../../domain/cooperation.ts';
import { COST_KEY_LABELS } from '../labels.ts';
import { api, orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Page, useFocusOn, VisuallyHidden } from '../components/ui.tsx';
import { OrgPicker, type DirectoryEntry } from '../components/OrgPicker.tsx';
import { RegisterTable, type TableColumn } from '../components/register-table/RegisterTable.tsx';
import { Confirmation, RowActions, useRegister } from '../components/register/register.tsx';
import { RegisterView } from '../components/register/RegisterView.tsx';
import { choicesFrom, fieldError, label, problemMessage, SelectInput, TextInput } from '../forms.tsx';

interface CoopForm {
  name: string;
  description: string;
  costKey: CostKey | '';
  memberIds: ReadonlySet<string>;
}

const EMPTY: CoopForm = { name: '', description: '', costKey: '', memberIds: new Set() };
/** The member picker's filter field takes the errors of `memberIds`. */
const idFor = (field: string): string | undefined => (field === 'memberIds' ? 'coop-members-filter' : undefined);

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
  const columns: TableColumn<CooperationInvitation>[] = [
    { key: 'name', header: label('name'), value: (i) => i.name },
    { key: 'hostName', header: t('coop.invitedBy'), value: (i) => i.hostName },
  ];
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
      <RegisterTable
        id="coop-invitations"
        caption={t('coop.invitationsCaption', { org: org.name })}
        columns={columns}
        items={rows}
        rowKey={(i) => i.cooperationId}
        controls={false}
        actions={(i) => (
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
        )}
      />
    </section>
  );
}

export function CooperationsPage() {
  const t = useT();
  const org = useOrganization();
  const directory = useApi<DirectoryEntry[]>(org.abilities.edit ? '/api/v1/directory' : null);
  const register = useRegister<Cooperation, CoopForm>({
    path: orgPath(org.id, '/cooperations'),
    empty: EMPTY,
    idPrefix: 'coop',
    idFor,
    nameOf: (c) => c.name,
    formOf: (c) => ({ name: c.name, description: c.description ?? '', costKey: c.costKey, memberIds: new Set(c.members.map((m) => m.organizationId)) }),
    bodyOf: (f) => ({ name: f.name, description: f.description, costKey: f.costKey === '' ? undefined : f.costKey, memberIds: [...f.memberIds] }),
  });
  const { form, errors, set, editing } = register;
  const [leaving, setLeaving] = useState<Cooperation | null>(null);
  const [leaveError, setLeaveError] = useState<string | null>(null);
  const leaveRef = useFocusOn<HTMLDivElement>(leaving?.id ?? null);

  const canCreate = org.abilities.edit;
  // The host edits and deletes its cooperation; an accepted member's administrator may leave it.
  const canEditRow = (c: Cooperation) => org.abilities.edit && c.organizationId === org.id;
  const canLeave = (c: Cooperation) => org.abilities.admin && c.organizationId !== org.id;
  const anyEditable = (register.list.data ?? []).some((c) => canEditRow(c) || canLeave(c));
  const memberText = (m: CooperationMember) =>
    m.state === 'accepted' ? m.name : `${m.name} (${t(m.state === 'invited' ? 'coop.stateInvited' : 'coop.stateDeclined')})`;

  const onLeave = async (c: Cooperation) => {
    setLeaveError(null);
    try {
      await api.post(orgPath(org.id, `/cooperations/${c.id}/leave`));
      setLeaving(null);
      register.setStatus(t('coop.leftStatus', { org: org.name, name: c.name }));
      register.list.reload();
    } catch (error) {
      setLeaveError(problemMessage(error, t));
    }
  };

  const columns: TableColumn<Cooperation>[] = [
    {
      key: 'name',
      header: label('name'),
      value: (c) => c.name,
      render: (c) => (
        <>
          {c.name}
          {c.description ? (
            <Paragraph data-size="sm" className="muted cell-note">
              {c.description}
            </Paragraph>
          ) : null}
        </>
      ),
    },
    { key: 'host', header: t('coop.colHost'), value: (c) => c.hostName },
    { key: 'costKey', header: label('costKey'), value: (c) => COST_KEY_LABELS[c.costKey] },
    { key: 'members', header: label('memberIds'), value: (c) => c.members.map(memberText).join(', ') || null },
  ];

  return (
    <Page title={t('coop.title')} intro={t('coop.intro')}>
      <RegisterView
        register={register}
        idPrefix="coop"
        caption={t('coop.caption', { org: org.name })}
        columns={columns}
        nameOf={(c) => c.name}
        canEdit={canCreate}
        emptyText={t('coop.empty')}
        beforeList={
          org.abilities.admin ? (
            <Invitations
              onAnswered={(message) => {
                register.setStatus(message);
                register.list.reload();
              }}
            />
          ) : null
        }
        showActions={anyEditable}
        actions={(c) =>
          canEditRow(c) ? (
            <RowActions register={register} item={c} name={c.name} />
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
          )
        }
        confirmations={
          leaving ? (
            <Confirmation
              question={t('coop.leaveConfirm', { org: org.name, name: leaving.name })}
              confirmLabel={t('coop.confirmLeave')}
              error={leaveError}
              onConfirm={() => void onLeave(leaving)}
              onCancel={() => setLeaving(null)}
              focusRef={leaveRef}
            />
          ) : null
        }
        form={{
          addHeading: t('coop.addHeading'),
          editHeading: (c) => t('coop.editHeading', { name: c.name }),
          addLabel: t('coop.add'),
          intro: (
            <>
              {!editing ? <Paragraph className="muted">{t('coop.hostHint', { org: org.name })}</Paragraph> : null}
              <Paragraph className="muted">{t('coop.inviteHint')}</Paragraph>
            </>
          ),
          fields: (
            <>
              <TextInput id="coop-name" label={label('name')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
              <TextInput
                id="coop-description"
                label={label('description')}
                value={form.description}
                onChange={set('description')}
                multiline
                error={fieldError(errors, 'description')}
              />
              <SelectInput
                id="coop-costKey"
                label={label('costKey')}
                value={form.costKey}
                onChange={(value) => register.setForm((f) => ({ ...f, costKey: value as CostKey | '' }))}
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
                  register.setForm((f) => {
                    const memberIds = new Set(f.memberIds);
                    if (checked) memberIds.add(id);
                    else memberIds.delete(id);
                    return { ...f, memberIds };
                  })
                }
                error={fieldError(errors, 'memberIds')}
              />
            </>
          ),
        }}
      />
    </Page>
  );
}
