/**
 * One system: its fields as a compact read view (editors of the owning organization open the form
 * on demand), data quality with "Merk som gjennomgått", roles, contracts, integrations, sharing and history (admins). `systemer/ny` creates one.
 */
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { SystemDetail } from '../../../domain/portfolio.ts';
import { LIFECYCLE_LABELS } from '../../labels.ts';
import { api, orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, NoAccess, Page, StatusMessage, useFocusOn } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';
import { date, GapList, orgTitle, QualityTag, SharedFrom, systemsUrl, systemUrl } from '../../features/portfolio/common.tsx';
import { SystemFacts, SystemForm } from '../../features/portfolio/system-form.tsx';
import { RolesSection } from '../../features/portfolio/roles-section.tsx';
import { ContractsSection } from '../../features/portfolio/contracts-section.tsx';
import { IntegrationsSection } from '../../features/portfolio/integrations-section.tsx';
import { SharingSection } from '../../features/portfolio/sharing-section.tsx';
import { HistorySection } from '../../features/portfolio/history-section.tsx';
import { ContinuitySection } from '../../features/risk/ContinuitySection.tsx';
import { SystemPeers } from '../../features/products/SystemPeers.tsx';

function BackToSystems({ slug }: { slug: string }) {
  const t = useT();
  return (
    <p className="back-link">
      <RouterLink to={systemsUrl(slug)}>{t('system.backToList')}</RouterLink>
    </p>
  );
}

export function NewSystemPage() {
  const t = useT();
  const org = useOrganization();
  const navigate = useNavigate();
  if (!org.abilities.edit) return <NoAccess />;
  return (
    <>
      <BackToSystems slug={org.slug} />
      <Page title={orgTitle(t('system.newTitle'), org)} heading={t('system.newTitle')} intro={t('system.newIntro')}>
        <section aria-labelledby="system-form-heading" className="form-section">
          <Heading level={2} data-size="sm" id="system-form-heading">
            {t('system.fields')}
          </Heading>
          <SystemForm org={org} onSaved={(saved) => navigate(systemUrl(org.slug, saved.id), { state: { created: saved.name } })} />
        </section>
      </Page>
    </>
  );
}

export function SystemPage() {
  const t = useT();
  const org = useOrganization();
  const { systemId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const resource = useApi<SystemDetail>(orgPath(org.id, `/systems/${systemId}`));
  const system = resource.data;
  const created = (location.state as { created?: string } | null)?.created ?? null;
  const [status, setStatus] = useState<string | null>(created ? t('common.created', { name: created }) : null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const confirmRef = useFocusOn<HTMLDivElement>(confirmDelete || null);
  // The page opens as a compact read view; the form opens on demand ("Endre opplysninger"). Focus
  // goes to the form's heading when it opens and back to the button when it closes.
  const [editing, setEditing] = useState(false);
  const [focusAfter, setFocusAfter] = useState<{ to: 'form' | 'button'; n: number } | null>(null);
  const fieldsHeadingRef = useRef<HTMLHeadingElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAfter) (focusAfter.to === 'form' ? fieldsHeadingRef : editButtonRef).current?.focus();
  }, [focusAfter]);
  const openEditor = () => {
    setEditing(true);
    setFocusAfter((f) => ({ to: 'form', n: (f?.n ?? 0) + 1 }));
  };
  const closeEditor = () => {
    setEditing(false);
    setFocusAfter((f) => ({ to: 'button', n: (f?.n ?? 0) + 1 }));
  };

  if (resource.error && !system) {
    return (
      <>
        <BackToSystems slug={org.slug} />
        <Page title={orgTitle(t('system.notFoundTitle'), org)} heading={t('system.notFoundTitle')}>
          <LoadError error={resource.error} onRetry={resource.reload} />
        </Page>
      </>
    );
  }
  if (!system) {
    return (
      <>
        <BackToSystems slug={org.slug} />
        <Page title={orgTitle(t('systems.title'), org)} heading={t('app.loading')}>
          <Loading />
        </Page>
      </>
    );
  }

  const canEditFields = org.abilities.edit && system.owned;

  const onReview = () => {
    setReviewing(true);
    setActionError(null);
    setStatus(null);
    api.post<SystemDetail>(orgPath(org.id, `/systems/${system.id}/review`), { version: system.version }).then(
      () => {
        setReviewing(false);
        setStatus(t('system.reviewed', { name: system.name }));
        resource.reload();
      },
      (error: unknown) => {
        setReviewing(false);
        setActionError(problemMessage(error, t));
      },
    );
  };

  const onDelete = () => {
    setActionError(null);
    api.delete(orgPath(org.id, `/systems/${system.id}?version=${system.version}`)).then(
      () => navigate(systemsUrl(org.slug)),
      (error: unknown) => setActionError(problemMessage(error, t)),
    );
  };

  return (
    <>
      <BackToSystems slug={org.slug} />
      <Page title={orgTitle(system.name, org)} heading={system.name}>
        <div className="revision-meta">
          <span>{LIFECYCLE_LABELS[system.lifecycle]}</span>
          <QualityTag quality={system.quality} />
          <SharedFrom host={system.host} />
        </div>
        <StatusMessage message={status} />
        {actionError ? (
          <Alert data-color="danger" className="block" role="alert">
            <Paragraph>{actionError}</Paragraph>
            <Button variant="secondary" data-size="sm" onClick={() => { setActionError(null); resource.reload(); }}>
              {t('common.reload')}
            </Button>
          </Alert>
        ) : null}

        <section aria-labelledby="system-quality">
          <Heading level={2} data-size="sm" id="system-quality">
            {t('system.quality')}
          </Heading>
          <Paragraph>
            {t('system.qualityScore', { score: system.quality.score })} {t('system.lastReviewed', { date: date(system.lastReviewedAt) })}
          </Paragraph>
          <GapList gaps={system.quality.gaps} />
          {canEditFields ? (
            <Button variant="secondary" data-size="sm" loading={reviewing} onClick={onReview}>
              {t('system.markReviewed')}
            </Button>
          ) : null}
        </section>

        <section aria-labelledby="system-form-heading" className={editing ? 'form-section' : undefined}>
          <Heading level={2} data-size="sm" id="system-form-heading" ref={fieldsHeadingRef} tabIndex={-1}>
            {t('system.fields')}
          </Heading>
          {canEditFields && editing ? (
            <SystemForm
              key={system.version}
              org={org}
              system={system}
              onSaved={(saved) => {
                setStatus(t('common.saved', { name: saved.name }));
                closeEditor();
                resource.reload();
              }}
              onConflictReload={resource.reload}
              onCancel={closeEditor}
            />
          ) : (
            <>
              {!system.owned && system.host ? <Paragraph className="muted">{t('system.ownedElsewhere', { host: system.host.name })}</Paragraph> : null}
              <SystemFacts system={system} />
              {canEditFields ? (
                <Button variant="secondary" data-size="sm" ref={editButtonRef} onClick={openEditor}>
                  {t('system.editFields')}
                </Button>
              ) : null}
            </>
          )}
        </section>

        <RolesSection org={org} system={system} onChanged={resource.reload} />
        <ContractsSection org={org} system={system} />
        <IntegrationsSection org={org} system={system} />
        <SharingSection org={org} system={system} onChanged={resource.reload} />
        {system.owned ? <ContinuitySection orgId={org.id} systemId={system.id} canEdit={canEditFields} /> : null}
        {org.abilities.admin ? <HistorySection key={`history-${system.version}`} org={org} system={system} /> : null}

        {canEditFields ? (
          <section aria-labelledby="system-delete">
            <Heading level={2} data-size="sm" id="system-delete">
              {t('system.deleteHeading')}
            </Heading>
            {confirmDelete ? (
              <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
                <Paragraph>{t('common.deleteConfirm', { name: system.name })}</Paragraph>
                <div className="form-actions">
                  <Button data-color="danger" onClick={onDelete}>
                    {t('common.confirmDelete')}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </Alert>
            ) : (
              <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setConfirmDelete(true)}>
                {t('system.delete')}
              </Button>
            )}
          </section>
        ) : null}
        <SystemPeers systemId={system.id} owned={system.owned} />
      </Page>
    </>
  );
}
