/** The compare view's benefit changes: added, removed and changed benefits between two revisions. */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { BenefitChange } from '../../../domain/benefit-compare.ts';
import { FIELD_LABELS } from '../../labels.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import { LoadError } from '../../components/ui.tsx';
import { followupPath } from './common.ts';

export function BenefitChanges({ revisionId, other }: { revisionId: string; other: string }) {
  const t = useT();
  const org = useOrganization();
  const res = useApi<BenefitChange[]>(followupPath(org.id, revisionId, `/benefit-changes?with=${encodeURIComponent(other)}`));
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} />;
  if (!res.data) return null;
  const label = (c: BenefitChange['change']) => t(c === 'added' ? 'followup.benefitAdded' : c === 'removed' ? 'followup.benefitRemoved' : 'followup.benefitChanged');
  return (
    <section aria-labelledby="compare-benefits">
      <Heading level={2} data-size="sm" id="compare-benefits">
        {t('followup.benefitChanges')}
      </Heading>
      {res.data.length === 0 ? (
        <Paragraph>{t('followup.noBenefitChanges')}</Paragraph>
      ) : (
        <ul>
          {res.data.map((c) => (
            <li key={`${c.change}-${c.lineageId}`}>
              {label(c.change)}: {c.indicator}
              {c.measureTitle ? ` (${c.measureTitle})` : ''}
              {c.fields.length > 0 ? ` – ${c.fields.map((f) => `${FIELD_LABELS[f.field] ?? f.field}: ${f.before ?? '–'} → ${f.after ?? '–'}`).join('; ')}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
