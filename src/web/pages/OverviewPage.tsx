import { Link as RouterLink } from 'react-router';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PortfolioOverview } from '../../domain/portfolio.ts';
import { formatKroner } from '../../domain/money.ts';
import type { Site } from '../../domain/site.ts';
import type { Cooperation } from '../../domain/cooperation.ts';
import type { Member } from '../../domain/user.ts';
import { LANGUAGE_LABELS, ORG_KIND_LABELS, ROLE_LABELS } from '../labels.ts';
import { formatInteger } from '../../domain/format.ts';
import { orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { useOrganization } from '../session.tsx';
import { LoadError, Page } from '../components/ui.tsx';
import { RenewalAlerts, systemsUrl } from '../features/portfolio/common.tsx';
import { RiskAlerts } from '../features/risk/RiskAlerts.tsx';

function Figure({ label, value, loading, text }: { label: string; value: number | undefined; loading: boolean; text?: string }) {
  return (
    <Card className="figure" data-color="neutral">
      <Paragraph data-size="sm" className="figure__label">
        {label}
      </Paragraph>
      <Paragraph data-size="xl" className="figure__value">
        {value !== undefined ? (text ?? formatInteger(value)) : loading ? '…' : '–'}
      </Paragraph>
    </Card>
  );
}

export function OverviewPage() {
  const t = useT();
  const org = useOrganization();
  const sites = useApi<Site[]>(orgPath(org.id, '/sites'));
  const cooperations = useApi<Cooperation[]>(orgPath(org.id, '/cooperations'));
  const members = useApi<Member[]>(org.abilities.admin ? orgPath(org.id, '/members') : null);
  const portfolio = useApi<PortfolioOverview>(orgPath(org.id, '/portfolio'));
  const average = portfolio.data?.averageQuality ?? undefined;
  const totalUsers = sites.data?.reduce((sum, s) => sum + (s.users ?? 0), 0);
  const role = ROLE_LABELS[org.role];
  const error = sites.error ?? cooperations.error ?? members.error;

  return (
    <Page title={`${t('overview.title')} – ${org.name}`} heading={org.name}>
      <section aria-labelledby="overview-about">
        <Heading level={2} data-size="sm" id="overview-about">
          {t('overview.about')}
        </Heading>
        <dl className="facts">
          <dt>{t('overview.kind')}</dt>
          <dd>{ORG_KIND_LABELS[org.kind]}</dd>
          {org.kommunenummer ? (
            <>
              <dt>{t('overview.kommunenummer')}</dt>
              <dd>{org.kommunenummer}</dd>
            </>
          ) : null}
          <dt>{t('overview.language')}</dt>
          <dd>{LANGUAGE_LABELS[org.language]}</dd>
          <dt>{t('overview.role')}</dt>
          <dd>{org.via ? t('overview.roleVia', { role, name: org.via.name }) : role}</dd>
        </dl>
      </section>
      <section aria-labelledby="overview-figures">
        <Heading level={2} data-size="sm" id="overview-figures">
          {t('overview.figures')}
        </Heading>
        {error ? (
          <LoadError
            error={error}
            onRetry={() => {
              sites.reload();
              cooperations.reload();
              members.reload();
            }}
          />
        ) : null}
        <div className="figures">
          <Figure label={t('overview.sites')} value={sites.data?.length} loading={sites.loading} />
          <Figure label={t('overview.users')} value={totalUsers} loading={sites.loading} />
          <Figure label={t('overview.cooperations')} value={cooperations.data?.length} loading={cooperations.loading} />
          {org.abilities.admin ? (
            <Figure label={t('overview.members')} value={members.data?.length} loading={members.loading} />
          ) : null}
        </div>
      </section>
      <section aria-labelledby="overview-portfolio">
        <Heading level={2} data-size="sm" id="overview-portfolio">
          {t('overview.portfolio')}
        </Heading>
        {portfolio.error ? <LoadError error={portfolio.error} onRetry={portfolio.reload} /> : null}
        <div className="figures">
          <Figure label={t('overview.systems')} value={portfolio.data?.systems} loading={portfolio.loading} />
          <Figure
            label={t('overview.averageQuality')}
            value={average}
            text={average !== undefined ? t('portfolio.score', { score: average }) : undefined}
            loading={portfolio.loading}
          />
          <Figure
            label={t('overview.contractCost')}
            value={portfolio.data?.yearlyContractCost}
            text={portfolio.data ? formatKroner(portfolio.data.yearlyContractCost) : undefined}
            loading={portfolio.loading}
          />
        </div>
        {portfolio.data ? <RenewalAlerts alerts={portfolio.data.alerts} slug={org.slug} headingLevel={3} /> : null}
        <RiskAlerts orgId={org.id} slug={org.slug} />
        <Paragraph>
          <RouterLink to={systemsUrl(org.slug)}>{t('overview.toSystems')}</RouterLink>
        </Paragraph>
      </section>
    </Page>
  );
}
