/**
 * Registers in the web: export links (CSV, XLSX) for contracts, persons, suppliers, integrations
 * and sites; the site list import; what a person or supplier is linked to.
 */
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { CONTRACT_TYPE_LABELS, DPA_STATUS_LABELS, LINE_TYPE_LABELS, OWNERSHIP_LABELS, SYSTEM_ROLE_LABELS } from '../labels.ts';
import type { PersonSystemRole } from '../../domain/person.ts';
import type { SystemDetail } from '../../domain/portfolio.ts';
import { dpaHeldBy } from '../../domain/portfolio-quality.ts';
import type { Register } from '../../domain/register.ts';
import type { LineType, Ownership } from '../../domain/site.ts';
import type { SupplierRelations } from '../../domain/supplier.ts';
import { orgPath } from '../api.ts';
import { useApi } from '../hooks.ts';
import { useT } from '../i18n/index.tsx';
import { LoadError, Loading, TableScroll } from '../components/ui.tsx';
import { ImportPreview } from '../components/import-preview/ImportPreview.tsx';
import { int, systemUrl } from './portfolio/common.tsx';
import { formatDate } from '../../domain/format.ts';

export const registerExportUrl = (orgId: string, register: Register, format: 'csv' | 'xlsx' | 'json'): string =>
  orgPath(orgId, `/registers/${register}/export?format=${format}`);

/** The download links of a register (as list items of the page's actions). */
export function RegisterExportLinks({ orgId, register }: { orgId: string; register: Register }) {
  const t = useT();
  return (
    <ul className="page-actions">
      <li>
        <Link href={registerExportUrl(orgId, register, 'xlsx')} download>
          {t('registers.exportXlsx')}
        </Link>
      </li>
      <li>
        <Link href={registerExportUrl(orgId, register, 'csv')} download>
          {t('registers.exportCsv')}
        </Link>
      </li>
    </ul>
  );
}

/** The systems a person holds roles on, in a disclosure row loaded when opened. */
export function PersonSystems({ orgId, slug, personId, name, open }: { orgId: string; slug: string; personId: string; name: string; open: boolean }) {
  const t = useT();
  const roles = useApi<PersonSystemRole[]>(open ? orgPath(orgId, `/persons/${personId}/systems`) : null);
  if (!open) return null;
  if (roles.error) return <LoadError error={roles.error} onRetry={roles.reload} />;
  if (!roles.data) return <Loading />;
  if (roles.data.length === 0) return <Paragraph>{t('registers.personNoSystems')}</Paragraph>;
  return (
    <ul className="relation-list" aria-label={t('registers.personSystems', { name })}>
      {roles.data.map((r) => (
        <li key={r.roleId}>
          <RouterLink to={systemUrl(slug, r.system.id)}>{r.system.name}</RouterLink>: {SYSTEM_ROLE_LABELS[r.role]}
          {r.host ? ` (${t('registers.sharedBy', { owner: r.host.name })})` : null}
        </li>
      ))}
    </ul>
  );
}

/** The systems a supplier delivers or operates, and the contracts with it. */
export function SupplierLinks({ orgId, slug, supplierId, name, open }: { orgId: string; slug: string; supplierId: string; name: string; open: boolean }) {
  const t = useT();
  const relations = useApi<SupplierRelations>(open ? orgPath(orgId, `/suppliers/${supplierId}/relations`) : null);
  if (!open) return null;
  if (relations.error) return <LoadError error={relations.error} onRetry={relations.reload} />;
  if (!relations.data) return <Loading />;
  const { systems, contracts } = relations.data;
  return (
    <div className="relations">
      {systems.length === 0 ? (
        <Paragraph>{t('registers.supplierNoSystems')}</Paragraph>
      ) : (
        <ul className="relation-list" aria-label={t('registers.supplierSystems', { name })}>
          {systems.map((s) => (
            <li key={s.id}>
              <RouterLink to={systemUrl(slug, s.id)}>{s.name}</RouterLink>:{' '}
              {[s.vendor ? t('registers.asVendor') : null, s.operator ? t('registers.asOperator') : null].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      )}
      {contracts.length === 0 ? (
        <Paragraph>{t('registers.supplierNoContracts')}</Paragraph>
      ) : (
        <ul className="relation-list" aria-label={t('registers.supplierContracts', { name })}>
          {contracts.map((k) => (
            <li key={k.id}>
              {k.title} ({CONTRACT_TYPE_LABELS[k.type]}
              {k.endDate ? `, ${t('registers.endsOn', { date: formatDate(k.endDate) })}` : ''})
              {k.system ? (
                <>
                  {' – '}
                  <RouterLink to={systemUrl(slug, k.system.id)}>{k.system.name}</RouterLink>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface SiteImportResult {
  readonly dryRun: boolean;
  readonly sites: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rows: ReadonlyArray<{
    row: number;
    name: string;
    users: number | null;
    capacityMbps: number | null;
    lineType: LineType | null;
    ownership: Ownership | null;
    provider: string | null;
    action: 'create' | 'update' | 'unchanged';
  }>;
  readonly problems: ReadonlyArray<{ row: number; column: string; message: string }>;
}

/** Import of a site list: choose a file, preview rows and problems, confirm. */
export function SiteImport({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const t = useT();
  return (
    <ImportPreview<SiteImportResult>
      id="site-import"
      section
      label={t('registers.siteImport')}
      hint={t('registers.siteImportHint')}
      path={orgPath(orgId, '/sites-import')}
      summary={(preview) => (
        <dl className="facts">
          <dt>{t('registers.sites')}</dt>
          <dd>{preview.sites}</dd>
          <dt>{t('registers.willCreate')}</dt>
          <dd>{preview.created}</dd>
          <dt>{t('registers.willUpdate')}</dt>
          <dd>{preview.updated}</dd>
          <dt>{t('registers.problems')}</dt>
          <dd>{preview.problems.length}</dd>
        </dl>
      )}
      problemsCaption={t('registers.problemsCaption')}
      details={(preview) => <SiteRows rows={preview.rows} />}
      confirmLabel={(preview) => t('registers.siteImportConfirm', { count: preview.sites })}
      done={(imported) => t('registers.siteImportDone', { created: imported.created, updated: imported.updated })}
      onImported={onImported}
    />
  );
}

function SiteRows({ rows }: { rows: SiteImportResult['rows'] }) {
  const t = useT();
  if (rows.length === 0) return null;
  const actionLabel = { create: t('registers.actionCreate'), update: t('registers.actionUpdate'), unchanged: t('registers.actionUnchanged') };
  return (
    <TableScroll label={t('registers.rowsCaption')}>
      <Table zebra border className="data-table">
        <caption>{t('registers.rowsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('registers.colSite')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('registers.colUsers')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="num">
              {t('registers.colCapacity')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('registers.colLineType')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('registers.colOwnership')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('registers.colAction')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.row}>
              <Table.Cell>{r.row}</Table.Cell>
              <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
              <Table.Cell className="num">{int(r.users)}</Table.Cell>
              <Table.Cell className="num">{int(r.capacityMbps)}</Table.Cell>
              <Table.Cell>{r.lineType ? LINE_TYPE_LABELS[r.lineType] : '–'}</Table.Cell>
              <Table.Cell>
                {r.ownership ? OWNERSHIP_LABELS[r.ownership] : '–'}
                {r.provider ? ` (${r.provider})` : ''}
              </Table.Cell>
              <Table.Cell>{actionLabel[r.action]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** Which rows of a register table are expanded. */
export function useExpanded(): { isOpen: (id: string) => boolean; toggle: (id: string) => void } {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  return {
    isOpen: (id) => open.has(id),
    toggle: (id) =>
      setOpen((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}

/** The button that opens a row's details (the details row has id `controls`). */
export function ExpandButton({ open, onClick, label, controls }: { open: boolean; onClick: () => void; label: string; controls: string }) {
  return (
    <Button variant="tertiary" data-size="sm" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onClick}>
      {label}
    </Button>
  );
}

/**
 * The data processing agreement status of a system; for a shared system whose agreement the owner
 * holds, also where it lives («Databehandleravtalen ligger hos …»), without the owner's contract.
 */
export function DpaFacts({ system }: { system: SystemDetail }) {
  const t = useT();
  const owner = dpaHeldBy(system);
  return (
    <dl className="facts">
      <dt>{t('system.dpa')}</dt>
      <dd>
        <Tag data-size="sm" data-color={system.dpaStatus === 'active' || system.dpaStatus === 'not_needed' ? 'success' : 'danger'}>
          {DPA_STATUS_LABELS[system.dpaStatus]}
        </Tag>
        {owner ? <span className="cell-sub">{t('registers.dpaHeldBy', { owner })}</span> : null}
      </dd>
    </dl>
  );
}
