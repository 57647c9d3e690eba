/** «Legg i handlingsplanen»: preview what changes per class (new, changed, unchanged; old → new), then write. */
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatKroner } from '../../../domain/money.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll, useFocusOn } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';

interface ApplyResult {
  dryRun: boolean;
  target: { periodId: string | null; periodName: string; revisionId: string | null; revisionNumber: number; created: boolean };
  changes: Array<{ classId: string; className: string; title: string; action: 'new' | 'changed' | 'unchanged'; oldAmount: number; newAmount: number }>;
}

export function ApplyForecast({ orgId, slug, from, to, priceChange }: { orgId: string; slug: string; from: number; to: number; priceChange: number }) {
  const t = useT();
  const [preview, setPreview] = useState<ApplyResult | null>(null);
  const [done, setDone] = useState<ApplyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const previewRef = useFocusOn<HTMLHeadingElement>(preview);
  const doneRef = useFocusOn<HTMLDivElement>(done);
  const url = (dryRun: boolean) => orgPath(orgId, `/assets-forecast/apply?from=${from}&to=${to}&priceChange=${priceChange}&dryRun=${dryRun}`);
  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<ApplyResult>(url(dryRun), {});
      if (dryRun) {
        setPreview(result);
        setDone(null);
      } else {
        setDone(result);
        setPreview(null);
      }
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  const actionLabel = { new: t('assets.actionNew'), changed: t('assets.actionChanged'), unchanged: t('assets.actionUnchanged') };
  return (
    <section aria-labelledby="apply-heading" className="block">
      <Heading level={2} data-size="sm" id="apply-heading">
        {t('assets.applyHeading')}
      </Heading>
      <Paragraph>{t('assets.applyIntro')}</Paragraph>
      <div className="form-actions">
        <Button variant="secondary" onClick={() => void send(true)} loading={busy && !preview}>
          {t('assets.applyPreview')}
        </Button>
      </div>
      {error ? (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {done ? (
        <Alert data-color="success" ref={doneRef} tabIndex={-1}>
          <Paragraph>{t('assets.applyDone', { plan: done.target.periodName, number: done.target.revisionNumber })}</Paragraph>
          {done.target.revisionId ? <RouterLink to={`/o/${slug}/plan/r/${done.target.revisionId}/handlingsplan`}>{t('assets.openActionPlan')}</RouterLink> : null}
        </Alert>
      ) : null}
      {preview ? (
        <section aria-labelledby="apply-preview-heading" className="import-preview">
          <Heading level={3} data-size="xs" id="apply-preview-heading" ref={previewRef} tabIndex={-1}>
            {preview.target.created ? t('assets.applyTargetNew', { plan: preview.target.periodName }) : t('assets.applyTarget', { plan: preview.target.periodName, number: preview.target.revisionNumber })}
          </Heading>
          <TableScroll label={t('assets.applyCaption')}>
            <Table zebra border className="data-table">
              <caption>{t('assets.applyCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('assets.measure')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('assets.change')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('assets.oldAmount')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="num">
                    {t('assets.newAmount')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {preview.changes.map((c) => (
                  <Table.Row key={c.classId}>
                    <Table.HeaderCell scope="row">{c.title}</Table.HeaderCell>
                    <Table.Cell>{actionLabel[c.action]}</Table.Cell>
                    <Table.Cell className="num">{c.action === 'new' ? '–' : formatKroner(c.oldAmount)}</Table.Cell>
                    <Table.Cell className="num">{formatKroner(c.newAmount)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          <div className="form-actions">
            <Button onClick={() => void send(false)} loading={busy}>
              {t('assets.applyConfirm')}
            </Button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
