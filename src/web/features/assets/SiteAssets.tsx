/** The equipment at each site (for the sites page): units per class, from the register. */
import { useState } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AssetGroup } from '../../../domain/asset.ts';
import { formatInteger } from '../../../domain/format.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { RegisterTable } from '../../components/register-table/RegisterTable.tsx';

interface SiteRow {
  site: string;
  className: string;
  quantity: number;
}

/** A disclosure: the register is read when the user opens it. */
export function SiteAssets({ orgId }: { orgId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby="site-assets-heading" className="block">
      <Heading level={2} data-size="sm" id="site-assets-heading">
        {t('assets.siteHeading')}
      </Heading>
      <Button variant="secondary" aria-expanded={open} aria-controls="site-assets-content" onClick={() => setOpen((o) => !o)}>
        {open ? t('assets.siteHide') : t('assets.siteShow')}
      </Button>
      <div id="site-assets-content">{open ? <SiteAssetsTable orgId={orgId} /> : null}</div>
    </section>
  );
}

function SiteAssetsTable({ orgId }: { orgId: string }) {
  const t = useT();
  const groups = useApi<AssetGroup[]>(orgPath(orgId, '/assets'));
  const rows = new Map<string, SiteRow>();
  for (const g of groups.data ?? []) {
    const site = g.siteName ?? t('assets.noSite');
    const key = `${site}\u0000${g.className}`;
    const row = rows.get(key) ?? { site, className: g.className, quantity: 0 };
    row.quantity += g.quantity;
    rows.set(key, row);
  }
  if (!groups.data) return null;
  return (
    <>
      {rows.size === 0 ? (
        <Paragraph>{t('assets.empty')}</Paragraph>
      ) : (
        <RegisterTable
          id="site-assets"
          caption={t('assets.siteCaption')}
          items={[...rows.values()]}
          rowKey={(r) => `${r.site}-${r.className}`}
          columns={[
            { key: 'site', header: t('assets.site'), value: (r) => r.site },
            { key: 'class', header: t('assets.className'), value: (r) => r.className },
            { key: 'quantity', header: t('assets.units'), value: (r) => r.quantity, render: (r) => formatInteger(r.quantity), numeric: true },
          ]}
        />
      )}
    </>
  );
}
