/**
 * Statistics: metrics and their values per subject (owner or the organization itself) and year.
 * Each function runs a fixed number of statements, whatever the number of metrics, owners or years.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../tx.ts';
import type { Metric, MetricInput, MetricUsage, StatisticsYear, Subject, UpdateMetric } from '../../domain/statistics.ts';
import type { StatisticsImport } from '../../domain/statistics-import.ts';
import { add } from '../../domain/money.ts';

/**
 * Who a statistics row may be about (one statement): the organization itself, its owners and the
 * accepted members of the cooperations it hosts (migration 0036), each once.
 */
export async function statisticSubjects(tx: Tx, organizationId: string): Promise<Subject[]> {
  const rows = await queryRows<{ id: string; name: string; slug: string; kommunenummer: string | null }>(
    tx,
    sql`select o.id, o.name, o.slug, o.kommunenummer
          from organizations o
         where o.id = ${organizationId}::uuid
            or o.id in (select oo.owner_id from organization_owners oo where oo.organization_id = ${organizationId}::uuid)
            or o.id in (select cm.member_id from cooperation_members cm where cm.organization_id = ${organizationId}::uuid and cm.state = 'accepted')
         order by (o.id = ${organizationId}::uuid), o.kommunenummer nulls last, o.name`,
  );
  return rows.map((r) => ({ organizationId: r.id, name: r.name, slug: r.slug, kommunenummer: r.kommunenummer }));
}

/** The organization's owners only (who an owners' cost pool is shared among): one statement. */
export async function ownerSubjects(tx: Tx, organizationId: string): Promise<Subject[]> {
  const rows = await queryRows<{ id: string; name: string; slug: string; kommunenummer: string | null }>(
    tx,
    sql`select o.id, o.name, o.slug, o.kommunenummer
          from organizations o join organization_owners oo on oo.owner_id = o.id
         where oo.organization_id = ${organizationId}::uuid and o.id <> ${organizationId}::uuid
         order by o.kommunenummer nulls last, o.name`,
  );
  return rows.map((r) => ({ organizationId: r.id, name: r.name, slug: r.slug, kommunenummer: r.kommunenummer }));
}

/**
 * Saves an import: creates the metrics it names that do not exist (matched by name, any case) and
 * inserts or replaces each value (metric, subject, year, month). Three statements.
 */
export async function saveStatistics(tx: Tx, organizationId: string, imported: Pick<StatisticsImport, 'metrics' | 'values'>): Promise<{ metricsCreated: number; values: number }> {
  if (imported.values.length === 0 && imported.metrics.length === 0) return { metricsCreated: 0, values: 0 };
  const created = await queryRows<{ id: string }>(
    tx,
    sql`insert into metrics (organization_id, name)
        select ${organizationId}::uuid, x.name from json_to_recordset(${JSON.stringify(imported.metrics.map((name) => ({ name })))}::json) as x(name text)
        on conflict (organization_id, lower(name)) do nothing returning id`,
  );
  const values = imported.values.map((v) => ({ metric: v.metric.toLowerCase(), subject: v.subject.organizationId, year: v.year, month: v.month, value: v.value }));
  const saved = await queryRows<{ id: string }>(
    tx,
    sql`insert into statistic_values (organization_id, metric_id, subject_id, year, month, value)
        select ${organizationId}::uuid, m.id, x.subject, x.year, x.month, x.value
          from json_to_recordset(${JSON.stringify(values)}::json) as x(metric text, subject uuid, year int, month int, value bigint)
          join metrics m on m.organization_id = ${organizationId}::uuid and lower(m.name) = x.metric
        on conflict (metric_id, subject_id, year, coalesce(month, 0))
        do update set value = excluded.value, version = statistic_values.version + 1, updated_at = now()
          where statistic_values.value is distinct from excluded.value
        returning id`,
  );
  return { metricsCreated: created.length, values: saved.length };
}

interface ValueRow {
  metric_id: string;
  subject_id: string;
  year: number;
  month: number | null;
  value: string | number;
}

/** A year's statistics (yearly and monthly values) with every year's yearly values for the history: three statements. */
export async function statisticsYear(tx: Tx, organizationId: string, year: number): Promise<StatisticsYear> {
  const subjects = await statisticSubjects(tx, organizationId);
  const metrics = await listMetrics(tx, organizationId);
  const values = await queryRows<ValueRow>(
    tx,
    sql`select v.metric_id, v.subject_id, v.year, v.month, v.value from statistic_values v
         where v.organization_id = ${organizationId}::uuid and (v.month is null or v.year = ${year})
         order by v.year, v.metric_id, v.subject_id, v.month nulls first`,
  );
  return assembleYear(year, subjects, metrics, values);
}

const METRIC_COLUMNS = sql`id, name, unit, description, version`;

export async function createMetric(tx: Tx, organizationId: string, input: MetricInput): Promise<Metric> {
  const rows = await queryRows<Metric>(
    tx,
    sql`insert into metrics (organization_id, name, unit, description)
        values (${organizationId}::uuid, ${input.name}, ${input.unit ?? null}, ${input.description ?? null}) returning ${METRIC_COLUMNS}`,
  );
  return rows[0]!;
}

/** Changes the fields given; null when the metric is gone or `version` is stale. One statement. */
export async function updateMetric(tx: Tx, organizationId: string, id: string, input: UpdateMetric): Promise<Metric | null> {
  const sets = [
    ...(input.name !== undefined ? [sql`name = ${input.name}`] : []),
    ...(input.unit !== undefined ? [sql`unit = ${input.unit ?? null}`] : []),
    ...(input.description !== undefined ? [sql`description = ${input.description ?? null}`] : []),
    sql`version = version + 1`,
    sql`updated_at = now()`,
  ];
  const rows = await queryRows<Metric>(
    tx,
    sql`update metrics set ${sql.join(sets, sql`, `)}
        where organization_id = ${organizationId}::uuid and id = ${id}::uuid and version = ${input.version}
        returning ${METRIC_COLUMNS}`,
  );
  return rows[0] ?? null;
}

export async function findMetric(tx: Tx, organizationId: string, id: string): Promise<Metric | null> {
  const rows = await queryRows<Metric>(tx, sql`select ${METRIC_COLUMNS} from metrics where organization_id = ${organizationId}::uuid and id = ${id}::uuid`);
  return rows[0] ?? null;
}

/** How many values (any year or month) and cost pools use a metric: one statement. */
export async function metricUsage(tx: Tx, organizationId: string, id: string): Promise<MetricUsage> {
  const rows = await queryRows<{ values: string | number; pools: string | number }>(
    tx,
    sql`select (select count(*) from statistic_values v where v.organization_id = ${organizationId}::uuid and v.metric_id = ${id}::uuid) as values,
               (select count(*) from cost_pools p where p.organization_id = ${organizationId}::uuid and p.metric_id = ${id}::uuid) as pools`,
  );
  return { values: Number(rows[0]?.values ?? 0), pools: Number(rows[0]?.pools ?? 0) };
}

/** Deletes a metric at `version`; false when it is gone or stale. The caller checks `metricUsage` first. */
export async function deleteMetric(tx: Tx, organizationId: string, id: string, version: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from metrics where organization_id = ${organizationId}::uuid and id = ${id}::uuid and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function listMetrics(tx: Tx, organizationId: string): Promise<Metric[]> {
  return queryRows<Metric>(
    tx,
    sql`select ${METRIC_COLUMNS} from metrics where organization_id = ${organizationId}::uuid order by lower(name)`,
  );
}

function assembleYear(year: number, subjects: Subject[], metrics: Metric[], all: ValueRow[]): StatisticsYear {
  const rows = all.filter((r) => r.month === null);
  const months = all
    .filter((r) => r.month !== null && Number(r.year) === year)
    .map((r) => ({ metricId: r.metric_id, subjectId: r.subject_id, month: Number(r.month), value: Number(r.value) }));
  const history = rows.map((r) => ({ metricId: r.metric_id, subjectId: r.subject_id, year: Number(r.year), value: Number(r.value) }));
  const current = history.filter((h) => h.year === year).map(({ metricId, subjectId, value }) => ({ metricId, subjectId, value }));
  const totals = metrics.map((m) => {
    const own = current.filter((v) => v.metricId === m.id);
    return { metricId: m.id, total: own.length === 0 ? null : own.reduce((s, v) => add(s, v.value), 0) };
  });
  return {
    year,
    years: [...new Set(history.map((h) => h.year))].sort((a, b) => a - b),
    metrics,
    subjects: subjects.map((s) => ({ organizationId: s.organizationId, name: s.name, kommunenummer: s.kommunenummer })),
    values: current,
    totals,
    history,
    months,
  };
}

/**
 * The statistics kept about `subjectId` by the organizations it owns and the hosts of the cooperations
 * it is an accepted member of (an owner's or member's own view; row-level security limits it): one statement.
 */
export async function statisticsAbout(tx: Tx, subjectId: string): Promise<{ organization: string; metric: string; unit: string | null; year: number; value: number }[]> {
  const rows = await queryRows<{ organization: string; metric: string; unit: string | null; year: number; value: string }>(
    tx,
    sql`select o.name as organization, m.name as metric, m.unit, v.year, v.value
          from statistic_values v join metrics m on m.id = v.metric_id join organizations o on o.id = v.organization_id
         where v.subject_id = ${subjectId}::uuid and v.month is null and v.organization_id <> ${subjectId}::uuid
         order by o.name, lower(m.name), v.year`,
  );
  return rows.map((r) => ({ ...r, year: Number(r.year), value: Number(r.value) }));
}
