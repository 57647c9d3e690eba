/**
 * "Hvem kontakter jeg?": type part of a system name, or of a person's or supplier's, and see the
 * whole support route on one screen — superbruker(e), 1. and 2. linje, systemeier, vendor and
 * operator — for this organization. With nothing typed, every system, a page at a time.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { SupportRoute } from '../../../domain/portfolio.ts';
import { CRITICALITY_LABELS, LIFECYCLE_LABELS } from '../../labels.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError, Loading, Page } from '../../components/ui.tsx';
import { TextInput } from '../../forms.tsx';
import '../../components/search.css';
import { Contact, ContactList, orgTitle, SharedFrom, systemUrl } from '../../features/portfolio/common.tsx';

const PAGE_SIZE = 20;

export function SupportPage() {
  const t = useT();
  const org = useOrganization();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const pageNo = Math.max(1, Number.parseInt(params.get('side') ?? '1', 10) || 1);
  const offset = (pageNo - 1) * PAGE_SIZE;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  // Search as you type (after a short pause); Enter or the button searches at once.
  useEffect(() => {
    const typed = text.trim();
    if (typed === q) return;
    const timer = window.setTimeout(() => setParams(typed ? { q: typed } : {}, { replace: true }), 300);
    return () => window.clearTimeout(timer);
  }, [text, q, setParams]);

  const routes = useApi<{ data: SupportRoute[]; total: number }>(
    orgPath(org.id, `/support?${q ? `q=${encodeURIComponent(q)}&` : ''}limit=${PAGE_SIZE}&offset=${offset}`),
    true,
  );
  const results = routes.data?.data ?? [];
  const total = routes.data?.total ?? 0;
  const toPage = (n: number) => setParams({ ...(q ? { q } : {}), ...(n > 1 ? { side: String(n) } : {}) });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = text.trim();
    setParams(typed ? { q: typed } : {}, { replace: true });
  };

  return (
    <Page title={orgTitle(t('support.title'), org)} heading={t('support.title')} intro={t('support.intro')}>
      <form className="inline-form search-form support-search" role="search" onSubmit={onSubmit} aria-label={t('support.searchLabel')}>
        <TextInput id="support-q" type="search" label={t('support.search')} description={t('support.searchHint')} value={text} onChange={setText} autoComplete="off" />
        <Button type="submit">{t('support.searchButton')}</Button>
      </form>
      <Paragraph role="status" className="muted" data-size="sm">
        {routes.data
          ? q
            ? total === 0
              ? t('support.noResults', { q })
              : t('support.results', { count: total, q })
            : t('search.supportAll', { total })
          : ''}
      </Paragraph>
      {routes.error ? <LoadError error={routes.error} onRetry={routes.reload} /> : null}
      {routes.loading && !routes.data ? <Loading /> : null}
      <div className="support-results">
        {results.map((r) => (
          <Card key={r.systemId} className="support-card" data-color="neutral">
            <Heading level={2} data-size="sm" className="support-card__title">
              <RouterLink to={systemUrl(org.slug, r.systemId)}>{r.name}</RouterLink>
            </Heading>
            <p className="support-card__meta">
              <span>{LIFECYCLE_LABELS[r.lifecycle]}</span>
              {r.criticality ? <span>{CRITICALITY_LABELS[r.criticality]}</span> : null}
              <SharedFrom host={r.host} />
            </p>
            <dl className="support-route">
              <div>
                <dt>{t('support.superUsers')}</dt>
                <dd>
                  <ContactList holders={r.superUsers} empty={t('support.none')} />
                </dd>
              </div>
              <div>
                <dt>{t('support.firstLine')}</dt>
                <dd>
                  <ContactList holders={r.firstLine} empty={t('support.none')} />
                  {r.firstLineIsSuperUsers ? <p className="muted">{t('support.firstLineIsSuperUsers')}</p> : null}
                </dd>
              </div>
              <div>
                <dt>{t('support.secondLine')}</dt>
                <dd>
                  <ContactList holders={r.secondLine} empty={t('support.none')} />
                  {r.secondLineIsSuppliers ? <p className="muted">{t('support.secondLineIsSuppliers')}</p> : null}
                </dd>
              </div>
              <div>
                <dt>{t('support.systemOwner')}</dt>
                <dd>
                  <ContactList holders={r.systemOwner} empty={t('support.none')} />
                </dd>
              </div>
              <div>
                <dt>{t('support.vendor')}</dt>
                <dd>{r.vendor ? <Contact holder={r.vendor} /> : <span className="muted">{t('support.none')}</span>}</dd>
              </div>
              <div>
                <dt>{t('support.operator')}</dt>
                <dd>{r.operator ? <Contact holder={r.operator} /> : <span className="muted">{t('support.none')}</span>}</dd>
              </div>
            </dl>
          </Card>
        ))}
      </div>
      {total > PAGE_SIZE ? (
        <nav className="support-pages" aria-label={t('search.supportPages')}>
          <Button variant="secondary" data-size="sm" disabled={pageNo <= 1} onClick={() => toPage(pageNo - 1)}>
            {t('search.supportPrev')}
          </Button>
          <span>{t('search.supportPage', { from: offset + 1, to: Math.min(total, offset + PAGE_SIZE), total })}</span>
          <Button variant="secondary" data-size="sm" disabled={offset + PAGE_SIZE >= total} onClick={() => toPage(pageNo + 1)}>
            {t('search.supportNext')}
          </Button>
        </nav>
      ) : null}
    </Page>
  );
}
