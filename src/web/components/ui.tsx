import { useEffect, useRef, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useT } from '../i18n/index.tsx';
import { usePageTitle } from '../hooks.ts';
import type { ApiError } from '../api.ts';
import { problemMessage } from '../forms.tsx';

/** A page: sets the document title and renders the page's single h1 (focus target after navigation). */
export function Page({
  title,
  heading,
  intro,
  children,
}: {
  title: string;
  heading?: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <>
      <Heading level={1} data-size="lg" tabIndex={-1} className="page-heading">
        {heading ?? title}
      </Heading>
      {intro ? <Paragraph className="page-intro">{intro}</Paragraph> : null}
      {children}
    </>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      <Spinner aria-hidden="true" data-size="sm" />
      <span>{t('app.loading')}</span>
    </p>
  );
}

export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert data-color="danger" className="block">
      <Heading level={2} data-size="xs">
        {t('error.loadFailed')}
      </Heading>
      <Paragraph>{problemMessage(error, t)}</Paragraph>
      {onRetry ? (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('common.reload')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** A polite live region that shows a success message; the region itself is always in the DOM. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="status-region">
      {message ? (
        <Alert data-color="success" className="block">
          {message}
        </Alert>
      ) : null}
    </div>
  );
}

/** Text only for screen readers (e.g. the row a button acts on). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}

/** Moves focus to the returned ref's element whenever `key` changes to a non-null value. */
export function useFocusOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null && key !== undefined && key !== false) ref.current?.focus();
  }, [key]);
  return ref;
}

export function NoAccess() {
  const t = useT();
  return (
    <Page title={t('common.noAccessTitle')}>
      <Alert data-color="warning" className="block">
        {t('common.noAccess')}
      </Alert>
    </Page>
  );
}

/**
 * Horizontal scroll container for wide tables on narrow screens. It is focusable and named so that
 * keyboard users can scroll it even when the table holds no buttons (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
