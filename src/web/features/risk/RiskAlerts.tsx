/** Overview alerts of the risk register: risks and security documents past their review date (and the marked date in their tables). */
import { Link as RouterLink } from 'react-router';
import { Alert, Heading, Tag } from '@digdir/designsystemet-react';
import { formatDate } from '../../../domain/format.ts';
import type { RiskAlert } from '../../../domain/risk.ts';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';

export function RiskAlerts({ orgId, slug }: { orgId: string; slug: string }) {
  const t = useT();
  const alerts = useApi<RiskAlert[]>(orgPath(orgId, '/risk-alerts'));
  const list = alerts.data ?? [];
  if (list.length === 0) return null;
  return (
    <Alert data-color="warning" className="block risk-alerts">
      <Heading level={3} data-size="xs">
        {t('risk.alerts', { count: list.length })}
      </Heading>
      <ul>
        {list.map((a) => (
          <li key={`${a.kind}-${a.id}`}>
            <RouterLink to={a.kind === 'risk_review' ? `/o/${slug}/risiko?risiko=${a.id}` : `/o/${slug}/risiko`}>
              {t(a.kind === 'risk_review' ? 'risk.alertRisk' : 'risk.alertDocument', { title: a.title, date: formatDate(a.date) })}
            </RouterLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/** A review date (risk or security document) in a table cell, marked when it is past. */
export function ReviewDate({ date, overdue }: { date: string | null; overdue: boolean }) {
  const t = useT();
  return (
    <>
      {date ? formatDate(date) : '–'}
      {overdue ? (
        <>
          {' '}
          <Tag data-color="danger" data-size="sm">
            {t('risk.overdue')}
          </Tag>
        </>
      ) : null}
    </>
  );
}
