/** The system page's sharing section: whom the system is shared with, and a member's own use. */
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Fieldset, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { SystemDetail } from '../../../domain/portfolio.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { LoadError, Loading, StatusMessage, TableScroll } from '../../components/ui.tsx';
import { errorsFrom, fieldError, FormFeedback, NO_ERRORS, parseCount, TextInput, type FormErrors } from '../../forms.tsx';
import { LeaveShare } from './leave-share.tsx';
import type { ShareCandidate } from './common.tsx';

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
