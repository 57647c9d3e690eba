/** On a measure's page: the risks whose chosen option became this measure (empty for those who may not see risks). */
import { Link as RouterLink } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';

export function MeasureRisks({ orgId, slug, lineageId }: { orgId: string; slug: string; lineageId: string }) {
  const t = useT();
  const risks = useApi<Array<{ riskId: string; title: string }>>(orgPath(orgId, `/measure-risks/${lineageId}`));
  if (!risks.data || risks.data.length === 0) return null;
  return (
    <Paragraph className="measure-risks">
      {t('risk.fromRisk')}:{' '}
      {risks.data.map((r, i) => (
        <span key={r.riskId}>
          {i > 0 ? ', ' : ''}
          <RouterLink to={`/o/${slug}/risiko?risiko=${r.riskId}`}>{r.title}</RouterLink>
        </span>
      ))}
    </Paragraph>
  );
}
