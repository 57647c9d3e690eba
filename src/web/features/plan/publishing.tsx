/**
 * The revision page's "Dokument" section (Word and PDF downloads) and "Publisering på innsyn" (org admins,
 * adopted revisions): publish, or see when it was published and unpublish after an inline confirmation.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Revision } from '../../../domain/plan.ts';
import { formatDate } from '../../../domain/format.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { useFocusOn } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';
import { documentUrl, innsynUrl } from './common.tsx';
import { PublicationOptions } from '../followup/PublicationOptions.tsx';

/** Download links for the plan document; plain GETs with the session cookie. */
export function DocumentSection({ revision }: { revision: Pick<Revision, 'id'> }) {
  const t = useT();
  const org = useOrganization();
  return (
    <section aria-labelledby="rev-document" className="document-section">
      <Heading level={2} data-size="sm" id="rev-document">
        {t('document.heading')}
      </Heading>
      <Paragraph>{t('document.intro')}</Paragraph>
      <div className="form-actions">
        <Button asChild variant="secondary">
          <a href={documentUrl(org.id, revision.id, 'docx')} download>
            {t('document.docx')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={documentUrl(org.id, revision.id, 'pdf')} download>
            {t('document.pdf')}
          </a>
        </Button>
      </div>
    </section>
  );
}

/** Whether this user sees the publishing controls for the revision. */
export function canPublish(abilities: { admin: boolean }, revision: Pick<Revision, 'status'>): boolean {
  return abilities.admin && revision.status === 'adopted';
}

/**
 * Publish / unpublish. `onChanged` gets the sentence to announce; the caller shows it and reloads the
 * revision. Focus goes to the section's heading afterwards (the button that was used is gone).
 */
export function PublishSection({
  revision,
  current,
  onChanged,
  onReload,
}: {
  revision: Pick<Revision, 'id' | 'number' | 'publishedAt' | 'state'>;
  /** The organization's other published revision, which publishing this one replaces (innsyn shows one plan). */
  current: { number: number; plan: string } | null;
  onChanged: (message: string) => void;
  onReload: () => void;
}) {
  const t = useT();
  const org = useOrganization();
  const [confirming, setConfirming] = useState(false);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const replaceRef = useFocusOn<HTMLDivElement>(confirmingReplace ? 'replace' : null);
  const publishButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming ? 'confirm' : null);
  const errorRef = useFocusOn<HTMLDivElement>(error);
  const unpublishButton = useRef<HTMLButtonElement>(null);
  const url = innsynUrl(org.slug);
  // Shown as text (host and path, no scheme): short enough for a phone, and what people type.
  const publicHref = `${window.location.host}${url}`;
  const path = orgPath(org.id, `/revisions/${revision.id}/publish`);

  const focusHeading = () => window.requestAnimationFrame(() => document.getElementById('rev-publish')?.focus());

  const run = async (action: () => Promise<Revision>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(false);
      setConfirmingReplace(false);
      onChanged(message);
      focusHeading();
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const publish = () => run(() => api.post<Revision>(path, { replace: current !== null }), t('publish.done', { number: revision.number, url: publicHref }));
  const unpublish = () => run(() => api.delete<Revision>(path), t('publish.undone', { number: revision.number }));
  const cancel = () => {
    setConfirming(false);
    window.requestAnimationFrame(() => unpublishButton.current?.focus());
  };

  return (
    <section aria-labelledby="rev-publish" className="publish-section">
      <Heading level={2} data-size="sm" id="rev-publish" tabIndex={-1}>
        {t('publish.heading')}
      </Heading>
      {error ? (
        <Alert data-color="danger" className="block" role="alert" ref={errorRef} tabIndex={-1}>
          <Paragraph>{error}</Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => {
              setError(null);
              setConfirming(false);
              onReload();
            }}
          >
            {t('common.reload')}
          </Button>
        </Alert>
      ) : null}
      {revision.publishedAt === null && revision.state === 'replaced' ? <Paragraph>{t('publish.replacedInfo')}</Paragraph> : null}
      {revision.publishedAt === null && revision.state !== 'replaced' ? (
        <>
          <Paragraph>{t('publish.explain', { url: publicHref })}</Paragraph>
          {confirmingReplace && current ? (
            <Alert data-color="warning" className="block confirm" ref={replaceRef} tabIndex={-1}>
              <Paragraph>{t('publish.replaceConfirm', { current: current.number, plan: current.plan, number: revision.number, url: publicHref })}</Paragraph>
              <div className="form-actions">
                <Button loading={busy} onClick={() => void publish()}>
                  {t('publish.confirmReplace', { current: current.number })}
                </Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setConfirmingReplace(false);
                    window.requestAnimationFrame(() => publishButton.current?.focus());
                  }}
                >
                  {t('common.cancel')}
                </Button>
              </div>
            </Alert>
          ) : (
            <div className="form-actions">
              <Button
                ref={publishButton}
                loading={busy}
                onClick={() => {
                  setError(null);
                  if (current) setConfirmingReplace(true);
                  else void publish();
                }}
              >
                {t('publish.publish')}
              </Button>
            </div>
          )}
        </>
      ) : null}
      {revision.publishedAt === null ? null : (
        <>
          <Paragraph>
            {t('publish.published', { date: formatDate(revision.publishedAt) })}{' '}
            <a href={url}>{t('publish.openPublic', { url: publicHref })}</a>
          </Paragraph>
          <PublicationOptions revisionId={revision.id} />
          {confirming ? (
            <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
              <Paragraph>{t('publish.unpublishConfirm', { number: revision.number, url: publicHref })}</Paragraph>
              <div className="form-actions">
                <Button data-color="danger" loading={busy} onClick={() => void unpublish()}>
                  {t('publish.confirmUnpublish')}
                </Button>
                <Button variant="secondary" onClick={cancel}>
                  {t('common.cancel')}
                </Button>
              </div>
            </Alert>
          ) : (
            <div className="form-actions">
              <Button
                ref={unpublishButton}
                variant="secondary"
                data-color="danger"
                onClick={() => {
                  setError(null);
                  setConfirming(true);
                }}
              >
                {t('publish.unpublish')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
