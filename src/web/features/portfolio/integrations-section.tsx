/** The system page's integrations section: a box diagram and its table. */
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Integration, SystemDetail } from '../../../domain/portfolio.ts';
import { INTEGRATION_DIRECTION_LABELS, INTEGRATION_STANDARD_LABELS, INTEGRATION_STATUS_LABELS } from '../../labels.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { integrationsUrl, systemUrl } from './common.tsx';

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
