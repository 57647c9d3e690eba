/** Sections of the system page: roles, contracts, integrations (with a box diagram), sharing, history. */
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import {
  SYSTEM_ROLES,
  type Contract,
  type HistoryEntry,
  type Integration,
  type SystemDetail,
  type SystemRole,
} from '../../../domain/portfolio.ts';
import {
  CONTRACT_TYPE_LABELS,
  fieldLabel,
  INTEGRATION_DIRECTION_LABELS,
  INTEGRATION_STANDARD_LABELS,
  INTEGRATION_STATUS_LABELS,
  SYSTEM_ROLE_LABELS,
  TABLE_LABELS,
} from '../../../domain/labels.ts';
import { formatDate, formatDateTime } from '../../../domain/format.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';
import { LoadError, Loading, StatusMessage, TableScroll, VisuallyHidden } from '../../components/ui.tsx';
import { choicesFrom, clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, problemMessage, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { todayIso } from '../plan/common.tsx';
import { contractAlert, type ContractAlertKind } from '../../../domain/contracts.ts';
import { LeaveShare } from './leave-share.tsx';
import { DpaFacts } from '../registers.tsx';
import { Contact, contractsUrl, date, integrationsUrl, kr, personChoice, supplierChoice, systemUrl, usePersons, useSuppliers, type ShareCandidate } from './common.tsx';

// ------------------------------------------------------------------ roles

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

// ------------------------------------------------------------------ contracts

/**
 * The contract's alert by the one rule in src/domain/contracts.ts (notice deadline passed or coming,
 * end date coming, expired while the system runs). The contract list gets it from the API.
 */
export function ContractAlertTag({ contract }: { contract: Pick<Contract, 'endDate' | 'noticeMonths' | 'systemLifecycle'> }) {
  const t = useT();
  const alert = contractAlert(contract, todayIso());
  if (!alert) return null;
  return (
    <Tag data-color={alert.daysLeft < 0 ? 'danger' : 'warning'} data-size="sm" className="nowrap">
      {t(CONTRACT_ALERT_KEYS[alert.kind], { date: formatDate(alert.date), days: Math.abs(alert.daysLeft) })}
    </Tag>
  );
}

const CONTRACT_ALERT_KEYS: Record<ContractAlertKind, MessageKey> = {
  notice_passed: 'contracts2.alertNoticePassed',
  notice: 'contracts2.alertNotice',
  ends: 'contracts2.alertEnds',
  expired: 'contracts2.alertExpired',
};

export function ContractsSection({ org, system }: { org: AccessibleOrganization; system: SystemDetail }) {
  const t = useT();
  const caption = t('system.contractsCaption', { name: system.name });
  const total = system.contracts.reduce((sum, c) => sum + (c.yearlyCost ?? 0), 0);
  return (
    <section aria-labelledby="system-contracts">
      <Heading level={2} data-size="sm" id="system-contracts">
        {t('system.contracts')}
      </Heading>
      <DpaFacts system={system} />
      {system.contracts.length === 0 ? (
        <Paragraph>{t('system.noContracts')}</Paragraph>
      ) : (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('contracts.colTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colType')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colSupplier')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('contracts.colEnd')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('contracts.colYearlyCost')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {system.contracts.map((c) => (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                  <Table.Cell>{CONTRACT_TYPE_LABELS[c.type]}</Table.Cell>
                  <Table.Cell>{c.supplierName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <span className="nowrap">{date(c.endDate)}</span> <ContractAlertTag contract={c} />
                  </Table.Cell>
                  <Table.Cell className="num">{kr(c.yearlyCost)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row" colSpan={4}>
                  {t('contracts.total')}
                </Table.HeaderCell>
                <Table.Cell className="num">{kr(total)}</Table.Cell>
              </Table.Row>
            </Table.Foot>
          </Table>
        </TableScroll>
      )}
      {org.abilities.edit && system.owned ? (
        <Paragraph>
          <RouterLink to={contractsUrl(org.slug, system.id)}>{t('system.addContract')}</RouterLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

// ------------------------------------------------------------------ integrations

interface Neighbour {
  readonly key: string;
  readonly name: string;
  readonly systemId: string | null;
  readonly integration: Integration;
}

/** An accessible box diagram: systems sending to this one on the left, receivers on the right. */
export function IntegrationDiagram({ system, slug }: { system: SystemDetail; slug: string }) {
  const t = useT();
  const incoming: Neighbour[] = [];
  const outgoing: Neighbour[] = [];
  for (const i of system.integrations) {
    if (i.fromSystem.id === system.id) {
      const target = i.toSystem ?? i.toComponent;
      outgoing.push({ key: i.id, name: target?.name ?? '–', systemId: i.toSystem?.id ?? null, integration: i });
    } else {
      incoming.push({ key: i.id, name: i.fromSystem.name, systemId: i.fromSystem.id, integration: i });
    }
  }
  const box = (n: Neighbour, side: 'in' | 'out') => (
    <li key={n.key} className={`diagram__node diagram__node--${side}`}>
      <span className="diagram__arrow" aria-hidden="true">
        {n.integration.direction === 'two_way' ? '⇄' : '→'}
      </span>
      <span className="diagram__box">
        {n.systemId ? <RouterLink to={systemUrl(slug, n.systemId)}>{n.name}</RouterLink> : <span>{n.name}</span>}
        <span className="diagram__meta">
          {INTEGRATION_STANDARD_LABELS[n.integration.standard]}
          {n.integration.direction === 'two_way' ? ` · ${INTEGRATION_DIRECTION_LABELS.two_way}` : ''}
          {n.integration.status !== 'active' ? ` · ${INTEGRATION_STATUS_LABELS[n.integration.status]}` : ''}
        </span>
      </span>
    </li>
  );
  return (
    <figure className="diagram" aria-labelledby="diagram-caption">
      <figcaption id="diagram-caption" className="diagram__caption">
        {t('system.diagramCaption', { name: system.name })}
      </figcaption>
      <div className="diagram__grid">
        <div className="diagram__col">
          <p className="diagram__heading">{t('system.diagramIncoming')}</p>
          {incoming.length > 0 ? <ul>{incoming.map((n) => box(n, 'in'))}</ul> : <p className="muted">{t('system.diagramNone')}</p>}
        </div>
        <div className="diagram__center">
          <span className="diagram__box diagram__box--self">{system.name}</span>
        </div>
        <div className="diagram__col">
          <p className="diagram__heading">{t('system.diagramOutgoing')}</p>
          {outgoing.length > 0 ? <ul>{outgoing.map((n) => box(n, 'out'))}</ul> : <p className="muted">{t('system.diagramNone')}</p>}
        </div>
      </div>
    </figure>
  );
}

export function IntegrationTable({ integrations, caption, slug }: { integrations: readonly Integration[]; caption: string; slug: string }) {
  const t = useT();
  return (
    <TableScroll label={caption}>
      <Table zebra border className="data-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('integrations.colFrom')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('integrations.colTo')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('integrations.colDirection')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('integrations.colStandard')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('integrations.colData')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('integrations.colStatus')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {integrations.map((i) => (
            <Table.Row key={i.id}>
              <Table.Cell>
                <RouterLink to={systemUrl(slug, i.fromSystem.id)}>{i.fromSystem.name}</RouterLink>
              </Table.Cell>
              <Table.Cell>
                {i.toSystem ? <RouterLink to={systemUrl(slug, i.toSystem.id)}>{i.toSystem.name}</RouterLink> : (i.toComponent?.name ?? '–')}
              </Table.Cell>
              <Table.Cell>{INTEGRATION_DIRECTION_LABELS[i.direction]}</Table.Cell>
              <Table.Cell>{INTEGRATION_STANDARD_LABELS[i.standard]}</Table.Cell>
              <Table.Cell>{i.data ?? '–'}</Table.Cell>
              <Table.Cell>{INTEGRATION_STATUS_LABELS[i.status]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function IntegrationsSection({ org, system }: { org: AccessibleOrganization; system: SystemDetail }) {
  const t = useT();
  return (
    <section aria-labelledby="system-integrations">
      <Heading level={2} data-size="sm" id="system-integrations">
        {t('system.integrations')}
      </Heading>
      {system.integrations.length === 0 ? (
        <Paragraph>{t('system.noIntegrations')}</Paragraph>
      ) : (
        <div className="integration-view">
          <IntegrationDiagram system={system} slug={org.slug} />
          <IntegrationTable integrations={system.integrations} caption={t('system.integrationsCaption', { name: system.name })} slug={org.slug} />
        </div>
      )}
      {org.abilities.edit ? (
        <Paragraph>
          <RouterLink to={integrationsUrl(org.slug, system.id)}>{t('system.addIntegration')}</RouterLink>
        </Paragraph>
      ) : null}
    </section>
  );
}

// ------------------------------------------------------------------ sharing

/** A member of a shared system records its own number of users. */
function UsageForm({ org, system, share, onChanged }: { org: AccessibleOrganization; system: SystemDetail; share: SystemDetail['shares'][number]; onChanged: () => void }) {
  const t = useT();
  const [users, setUsers] = useState(share.users === null ? '' : String(share.users));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setUsers(share.users === null ? '' : String(share.users)), [share.users, share.version]);

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    api.put<SystemDetail>(orgPath(org.id, `/systems/${system.id}/usage`), { version: share.version, users: parseCount(users) }).then(
      () => {
        setBusy(false);
        setErrors(NO_ERRORS);
        setStatus(t('system.usageSaved'));
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setErrors((prev) => errorsFrom(error, t, prev));
      },
    );
  };

  return (
    <div className="inline-section">
      <StatusMessage message={status} />
      <FormFeedback errors={errors} idFor={(f) => (f === 'users' ? 'usage-users' : undefined)} onReload={onChanged} />
      <form className="form" noValidate onSubmit={onSave} aria-label={t('system.usageHeading', { name: org.name })}>
        <TextInput
          id="usage-users"
          label={t('system.shareUsers', { name: org.name })}
          description={t('system.usageHint')}
          inputMode="numeric"
          value={users}
          onChange={setUsers}
          error={fieldError(errors, 'users')}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" loading={busy}>
            {t('system.saveUsage')}
          </Button>
        </div>
      </form>
    </div>
  );
}

export function SharingSection({ org, system, onChanged }: { org: AccessibleOrganization; system: SystemDetail; onChanged: () => void }) {
  const t = useT();
  const canShare = org.abilities.edit && system.owned;
  const candidates = useApi<ShareCandidate[]>(canShare ? orgPath(org.id, '/share-candidates') : null);
  const [selected, setSelected] = useState<Map<string, string>>(
    () => new Map(system.shares.map((s) => [s.organizationId, s.users === null ? '' : String(s.users)])),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  // A new version of the system (saved here or elsewhere) brings its shares into the checkboxes.
  const sharesKey = JSON.stringify(system.shares.map((s) => [s.organizationId, s.users]));
  useEffect(() => {
    const saved = JSON.parse(sharesKey) as [string, number | null][];
    setSelected(new Map(saved.map(([id, users]) => [id, users === null ? '' : String(users)])));
  }, [sharesKey]);
  const caption = t('system.sharesCaption', { name: system.name });
  const list = candidates.data ?? [];

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const shares = list.filter((c) => selected.has(c.id)).map((c) => ({ organizationId: c.id, users: parseCount(selected.get(c.id) ?? '') }));
    api.put<SystemDetail>(orgPath(org.id, `/systems/${system.id}/shares`), { version: system.version, shares }).then(
      (saved) => {
        setBusy(false);
        setErrors(NO_ERRORS);
        setStatus(t('system.sharesSaved', { count: saved.shares.length }));
        onChanged();
      },
      (error: unknown) => {
        setBusy(false);
        setErrors((prev) => errorsFrom(error, t, prev));
      },
    );
  };

  return (
    <section aria-labelledby="system-sharing">
      <Heading level={2} data-size="sm" id="system-sharing">
        {t('system.sharing')}
      </Heading>
      <StatusMessage message={status} />
      {system.host ? <Paragraph>{t('system.sharedFromText', { host: system.host.name })}</Paragraph> : null}
      {system.shares.length === 0 ? (
        <Paragraph>{t('system.notShared')}</Paragraph>
      ) : (
        <TableScroll label={caption}>
          <Table zebra border className="data-table data-table--narrow">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('system.colMember')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="num">
                  {t('systems.colUsers')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {system.shares.map((s) => (
                <Table.Row key={s.organizationId}>
                  <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                  <Table.Cell className="num">{s.users === null ? '–' : String(s.users)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {system.host && org.abilities.edit && system.shares[0] ? <UsageForm org={org} system={system} share={system.shares[0]} onChanged={onChanged} /> : null}
      {system.host && org.abilities.edit && system.shares[0] ? <LeaveShare org={org} system={system} share={system.shares[0]} /> : null}
      {canShare ? (
        candidates.error ? (
          <LoadError error={candidates.error} onRetry={candidates.reload} />
        ) : candidates.loading && !candidates.data ? (
          <Loading />
        ) : list.length === 0 ? (
          <Paragraph className="muted">{t('system.noShareCandidates')}</Paragraph>
        ) : (
          <div className="inline-section">
            <FormFeedback
              errors={errors}
              idFor={(f) => {
                const m = /^shares\.(\d+)/.exec(f);
                const c = m ? list.filter((x) => selected.has(x.id))[Number(m[1])] : undefined;
                return c ? `share-${c.id}` : undefined;
              }}
              onReload={onChanged}
            />
            <form className="form" noValidate onSubmit={onSave} aria-labelledby="share-legend">
              <Fieldset>
                <Fieldset.Legend id="share-legend">{t('system.shareWith')}</Fieldset.Legend>
                <Fieldset.Description>{t('system.shareHint')}</Fieldset.Description>
                <ul className="share-list">
                  {list.map((c) => {
                    const checked = selected.has(c.id);
                    return (
                      <li key={c.id}>
                        <Checkbox
                          id={`share-${c.id}`}
                          label={c.kommunenummer ? `${c.name} (${c.kommunenummer})` : c.name}
                          checked={checked}
                          onChange={(e) => {
                            const next = new Map(selected);
                            if (e.target.checked) next.set(c.id, '');
                            else next.delete(c.id);
                            setSelected(next);
                          }}
                        />
                        {checked ? (
                          <div className="share-users">
                            <TextInput
                              id={`share-users-${c.id}`}
                              label={t('system.shareUsers', { name: c.name })}
                              inputMode="numeric"
                              value={selected.get(c.id) ?? ''}
                              onChange={(v) => {
                                const next = new Map(selected);
                                next.set(c.id, v);
                                setSelected(next);
                              }}
                            />
                          </div>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </Fieldset>
              <div className="form-actions">
                <Button type="submit" variant="secondary" loading={busy}>
                  {t('system.saveShares')}
                </Button>
              </div>
            </form>
          </div>
        )
      ) : null}
    </section>
  );
}

// ------------------------------------------------------------------ history

const ACTION_KEYS: Record<HistoryEntry['action'], MessageKey> = {
  insert: 'system.historyInsert',
  update: 'system.historyUpdate',
  delete: 'system.historyDelete',
};

/** The audit log names columns (`last_reviewed_at`); the labels are keyed by API field (`lastReviewedAt`). */
function changedLabel(column: string, lastReviewed: string): string {
  const field = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  if (field === 'lastReviewedAt') return lastReviewed;
  return fieldLabel([field]);
}

export function HistorySection({ org, system }: { org: AccessibleOrganization; system: SystemDetail }) {
  const t = useT();
  const history = useApi<HistoryEntry[]>(orgPath(org.id, `/systems/${system.id}/history`));
  const caption = t('system.historyCaption', { name: system.name });
  const rows = history.data ?? [];
  return (
    <section aria-labelledby="system-history">
      <Heading level={2} data-size="sm" id="system-history">
        {t('system.history')}
      </Heading>
      {history.error ? <LoadError error={history.error} onRetry={history.reload} /> : null}
      {history.loading && !history.data ? <Loading /> : null}
      {history.data && rows.length === 0 ? <Paragraph>{t('system.noHistory')}</Paragraph> : null}
      {rows.length > 0 ? (
        <TableScroll label={caption}>
          <Table zebra border className="data-table">
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('system.colWhen')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colWho')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colWhat')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('system.colChanged')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell className="nowrap">{formatDateTime(h.at)}</Table.Cell>
                  <Table.Cell>{h.actorName ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {t(ACTION_KEYS[h.action], { table: (TABLE_LABELS[h.tableName] ?? h.tableName).toLowerCase() })}
                  </Table.Cell>
                  <Table.Cell>{h.changed.length > 0 ? h.changed.map((f) => changedLabel(f, t('system.fieldLastReviewed'))).join(', ') : '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}
