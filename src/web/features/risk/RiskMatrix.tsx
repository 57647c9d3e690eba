/** The 5×5 matrix as a real table (counts per cell, each a link to its risks) and the counts per level. */
import { Link as RouterLink } from 'react-router';
import { Heading, Table } from '@digdir/designsystemet-react';
import type { Risk } from '../../../domain/risk.ts';
import { LEVELS, levelOf, matrixCounts, SCALE, type RiskMatrix } from '../../../domain/risk-matrix.ts';
import { useT } from '../../i18n/index.tsx';
import { TableScroll } from '../../components/ui.tsx';
import { CONSEQUENCE_LABELS, PROBABILITY_LABELS, RISK_LEVEL_LABELS as LEVEL_LABELS } from '../../labels.ts';

export function RiskMatrixTable({ matrix, risks, cellUrl }: { matrix: RiskMatrix; risks: readonly Risk[]; cellUrl: (p: number, c: number) => string }) {
  const t = useT();
  const counts = matrixCounts(matrix, risks.map((r) => ({ probability: r.probability, consequence: r.effectiveConsequence })));
  return (
    <>
      <TableScroll label={t('risk.matrix')}>
        <Table className="risk-matrix" border>
          <caption>{t('risk.matrixCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">
                {t('risk.probability')} \ {t('risk.consequence')}
              </Table.HeaderCell>
              {SCALE.map((c) => (
                <Table.HeaderCell key={c} scope="col">
                  {c} {CONSEQUENCE_LABELS[c]}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...SCALE].reverse().map((p) => (
              <Table.Row key={p}>
                <Table.HeaderCell scope="row">
                  {p} {PROBABILITY_LABELS[p]}
                </Table.HeaderCell>
                {SCALE.map((c) => {
                  const level = levelOf(matrix, p, c);
                  const n = counts.cells[p - 1]![c - 1]!;
                  return (
                    <Table.Cell key={c} className={`risk-cell risk-cell--${level}`}>
                      {n > 0 ? (
                        <RouterLink to={cellUrl(p, c)} aria-label={t('risk.cellLink', { count: n, p, c, level: LEVEL_LABELS[level] })}>
                          {n}
                        </RouterLink>
                      ) : (
                        <span>0</span>
                      )}
                      <span className="risk-cell__level">{LEVEL_LABELS[level]}</span>
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <Heading level={3} data-size="xs">
        {t('risk.levels')}
      </Heading>
      <Table data-size="sm" className="risk-levels">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('risk.level')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('risk.count')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {[...LEVELS].reverse().map((l) => (
            <Table.Row key={l}>
              <Table.HeaderCell scope="row">{LEVEL_LABELS[l]}</Table.HeaderCell>
              <Table.Cell>{counts.levels[l]}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}
