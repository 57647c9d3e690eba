/** Shared pieces of the system-portfolio pages: addresses, formats, contacts, quality score, renewal alerts. */
import { Link as RouterLink } from 'react-router';
import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import type { Person, Quality, RenewalAlert, RoleHolder, Supplier, SystemListItem } from '../../../domain/portfolio.ts';
import { QUALITY_GAP_LABELS } from '../../labels.ts';
import { formatKroner } from '../../../domain/money.ts';
import { formatDate, formatInteger } from '../../../domain/format.ts';
import { orgPath } from '../../api.ts';
import { useApi, type ApiResource } from '../../hooks.ts';
import { useT, type Translate } from '../../i18n/index.tsx';

// ------------------------------------------------------------------ addresses

export const systemsUrl = (slug: string): string => `/o/${slug}/systemer`;
export const systemUrl = (slug: string, id: string): string => `/o/${slug}/systemer/${id}`;
export const newSystemUrl = (slug: string): string => `/o/${slug}/systemer/ny`;
export const systemsImportUrl = (slug: string): string => `/o/${slug}/systemer/import`;
export const contractsUrl = (slug: string, systemId?: string): string =>
  `/o/${slug}/avtaler${systemId ? `?system=${encodeURIComponent(systemId)}` : ''}`;
export const integrationsUrl = (slug: string, systemId?: string): string =>
  `/o/${slug}/integrasjoner${systemId ? `?fra=${encodeURIComponent(systemId)}` : ''}`;
export const personsUrl = (slug: string): string => `/o/${slug}/personer`;
export const suppliersUrl = (slug: string): string => `/o/${slug}/leverandorer`;
export const systemsExportUrl = (orgId: string, format: 'csv' | 'xlsx' | 'json'): string =>
  orgPath(orgId, `/systems-export?format=${format}`);

/** "Systemer – Ringebu kommune": the document title of a portfolio page (Page adds "– Veikart"). */
export const orgTitle = (title: string, org: Pick<AccessibleOrganization, 'name'>): string => `${title} – ${org.name}`;

// ------------------------------------------------------------------ formats

export const kr = (amount: number | null): string => (amount === null ? '–' : formatKroner(amount));
export const int = (n: number | null): string => (n === null ? '–' : formatInteger(n));
export const date = (iso: string | null): string => (iso ? formatDate(iso) : '–');
export const dash = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '–' : s);

/** A list item in a select: `Kari Nordmo (Helse)`. */
export const personChoice = (p: Person) => ({ value: p.id, label: p.unit ? `${p.name} (${p.unit})` : p.name });
export const supplierChoice = (s: Supplier) => ({ value: s.id, label: s.name });

// ------------------------------------------------------------------ data

export interface ShareCandidate {
  readonly id: string;
  readonly name: string;
  readonly kommunenummer: string | null;
}

export function usePersons(orgId: string): ApiResource<Person[]> {
  return useApi<Person[]>(orgPath(orgId, '/persons'));
}
export function useSuppliers(orgId: string): ApiResource<Supplier[]> {
  return useApi<Supplier[]>(orgPath(orgId, '/suppliers'));
}
/** Every system the organization sees (own and shared), for pickers. */
export function useAllSystems(orgId: string): ApiResource<SystemListItem[]> {
  return useApi<SystemListItem[]>(orgPath(orgId, '/systems?limit=1000'));
}

// ------------------------------------------------------------------ small components

/** The data-quality score as a coloured tag: 80 % or more is good, under 50 % is poor. */
export function QualityTag({ quality }: { quality: Quality }) {
  const t = useT();
  const color = quality.score >= 80 ? 'success' : quality.score >= 50 ? 'warning' : 'danger';
  return (
    <Tag data-color={color} data-size="sm" className="nowrap">
      {t('portfolio.score', { score: quality.score })}
    </Tag>
  );
}

export function GapList({ gaps }: { gaps: Quality['gaps'] }) {
  const t = useT();
  if (gaps.length === 0) return <span>{t('portfolio.noGaps')}</span>;
  return (
    <ul className="gap-list">
      {gaps.map((g) => (
        <li key={g}>{QUALITY_GAP_LABELS[g]}</li>
      ))}
    </ul>
  );
}

export function SharedFrom({ host }: { host: { name: string } | null }) {
  const t = useT();
  if (!host) return null;
  return (
    <Tag data-color="info" data-size="sm" className="nowrap">
      {t('portfolio.sharedFrom', { host: host.name })}
    </Tag>
  );
}

/** Phone as a `tel:` link without spaces. */
const telHref = (phone: string): string => `tel:${phone.replace(/[^+0-9]/g, '')}`;

/** A role holder (person or supplier) with whatever contact details may be shown. */
export function Contact({ holder }: { holder: RoleHolder }) {
  const t = useT();
  const sub = [holder.title, holder.unit].filter(Boolean).join(', ');
  return (
    <div className="contact">
      <span className="contact__name">{holder.name}</span>
      {sub ? <span className="contact__sub">{sub}</span> : null}
      {holder.phone ? (
        <span>
          {t('portfolio.phone')}: <Link href={telHref(holder.phone)}>{holder.phone}</Link>
        </span>
      ) : null}
      {holder.email ? (
        <span>
          {t('portfolio.email')}: <Link href={`mailto:${holder.email}`}>{holder.email}</Link>
        </span>
      ) : null}
      {holder.url ? (
        <span>
          <Link href={holder.url} target="_blank" rel="noreferrer">
            {t('portfolio.supportSite')}
          </Link>
        </span>
      ) : null}
    </div>
  );
}

export function ContactList({ holders, empty }: { holders: readonly RoleHolder[]; empty: string }) {
  if (holders.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="contact-list">
      {holders.map((h) => (
        <li key={`${h.kind}-${h.id}`}>
          <Contact holder={h} />
        </li>
      ))}
    </ul>
  );
}

export function alertText(t: Translate, alert: RenewalAlert): string {
  const params = { title: alert.contract.title, date: formatDate(alert.date), days: alert.daysLeft };
  const ends = alert.kind === 'ends' || alert.kind === 'expired';
  if (alert.daysLeft < 0) return t(ends ? 'portfolio.alertEnded' : 'portfolio.alertNoticePassed', params);
  return t(ends ? 'portfolio.alertEnds' : 'portfolio.alertNotice', params);
}

/** Contracts that end, or must be given notice, within 90 days; each links to its system (or the contract list). */
export function RenewalAlerts({ alerts, slug, headingLevel = 2 }: { alerts: readonly RenewalAlert[]; slug: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  if (alerts.length === 0) {
    return <Paragraph className="muted">{t('portfolio.noAlerts')}</Paragraph>;
  }
  return (
    <Alert data-color="warning" className="block renewal-alerts">
      <Heading level={headingLevel} data-size="xs">
        {t('portfolio.alertsHeading', { count: alerts.length })}
      </Heading>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.contract.id}-${a.kind}`}>
            {a.contract.systemId ? (
              <RouterLink to={systemUrl(slug, a.contract.systemId)}>{alertText(t, a)}</RouterLink>
            ) : (
              <RouterLink to={contractsUrl(slug)}>{alertText(t, a)}</RouterLink>
            )}
            {a.contract.systemName ? <span className="muted"> ({a.contract.systemName})</span> : null}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
