/**
 * Cost sharing of a year: each pool with its basis, key and amount, and every owner's share in kroner
 * (the shares add up to the pool); a form to define a pool and a button to remove one. A pool is shared
 * among the owners or, for a host, among one of its cooperations (its accepted members and the host),
 * whose cost key is then the default key.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { PoolResult } from '../../../domain/cost-pool-shares.ts';
import { COST_POOL_BASES, COST_SHARE_KEYS, parsePercent, type CostPool, type CostShareKey } from '../../../domain/cost-sharing.ts';
import { splitPercentages } from '../../../domain/cost-sharing-import.ts';
import { formatKroner, parseKroner } from '../../../domain/money.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage, TableScroll } from '../../components/ui.tsx';
import { errorsFrom, FormFeedback, fieldError, NO_ERRORS, SelectInput, TextInput, type FormErrors } from '../../forms.tsx';
import { BASIS_KEYS, KEY_KEYS } from './common.tsx';

export interface PoolsData {
  year: number;
  pools: PoolResult[];
  definitions: CostPool[];
  owners: { organizationId: string; name: string; kommunenummer: string | null }[];
  choices: { kind: 'ansvar' | 'metric' | 'system'; id: string; name: string; label: string }[];
  cooperations: { id: string; name: string; key: CostShareKey; participants: { organizationId: string; name: string; kommunenummer: string | null }[] }[];
}

export function PoolsSection({ orgId, data, canEdit, onChange }: { orgId: string; data: PoolsData; canEdit: boolean; onChange: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<string | null>(null);
  const remove = async (pool: PoolResult) => {
    await api.delete(orgPath(orgId, `/cost-pools/${pool.id}`));
    setStatus(t('year.pools.removed', { name: pool.name }));
    onChange();
  };
  return (
    <>
      <StatusMessage message={status} />
      {data.pools.length === 0 ? <Paragraph>{t('year.pools.none', { year: data.year })}</Paragraph> : null}
      {data.pools.map((p) => {
        const caption = `${p.name}: ${t(BASIS_KEYS[p.basis])}, ${t(KEY_KEYS[p.key])}${p.metric ? ` (${p.metric})` : ''}${p.cooperation ? `, ${t('year.pools.inCooperation', { name: p.cooperation })}` : ''}`;
        return (
          <section key={p.id} className="year-pool" aria-label={p.name}>
            {p.problem ? (
              <Alert data-color="warning" className="block">
                {p.problem}
              </Alert>
            ) : (
              <TableScroll label={caption}>
                <Table zebra border className="data-table">
                  <caption>{caption}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('year.stats.kommune')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="num">{t('year.pools.weight')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="num">{t('year.pools.share')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {p.shares.map((s) => (
                      <Table.Row key={s.organizationId}>
                        <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                        <Table.Cell className="num">{p.key === 'fixed' ? `${(s.weight / 100).toLocaleString('nb-NO')} %` : s.weight.toLocaleString('nb-NO')}</Table.Cell>
                        <Table.Cell className="num">{formatKroner(s.amount)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                  <tfoot>
                    <Table.Row>
                      <Table.HeaderCell scope="row">{t('year.total')}</Table.HeaderCell>
                      <Table.Cell />
                      <Table.Cell className="num">{p.amount === null ? '–' : formatKroner(p.amount)}</Table.Cell>
                    </Table.Row>
                  </tfoot>
                </Table>
              </TableScroll>
            )}
            {canEdit ? (
              <Button variant="tertiary" data-size="sm" onClick={() => void remove(p)}>
                {t('year.pools.remove', { name: p.name })}
              </Button>
            ) : null}
          </section>
        );
      })}
      {canEdit ? <PoolForm orgId={orgId} data={data} onSaved={onChange} /> : null}
    </>
  );
}

function PoolForm({ orgId, data, onSaved }: { orgId: string; data: PoolsData; onSaved: () => void }) {
  const t = useT();
  const [basis, setBasis] = useState<string>('actual');
  const [key, setKey] = useState<string>('equal');
  const [ansvarId, setAnsvarId] = useState('');
  const [systemId, setSystemId] = useState('');
  const [metricId, setMetricId] = useState('');
  const [name, setName] = useState('');
  const [owners, setOwners] = useState<string[]>([]);
  const [percentages, setPercentages] = useState('');
  const [cooperationId, setCooperationId] = useState('');
  const [amount, setAmount] = useState('');
  const cooperation = data.cooperations.find((c) => c.id === cooperationId);
  const sharers = cooperation ? cooperation.participants : data.owners;
  const chooseCooperation = (id: string) => {
    setCooperationId(id);
    setOwners([]);
    const chosen = data.cooperations.find((c) => c.id === id);
    if (chosen) setKey(chosen.key);
  };
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const choices = (kind: 'ansvar' | 'metric' | 'system') =>
    data.choices.filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: kind === 'ansvar' ? `${c.name} ${c.label}` : c.name }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = sharers.filter((o) => owners.includes(o.organizationId)).map((o) => o.organizationId);
    const typed = amount.trim() === '' || (basis !== 'amount' && basis !== 'system') ? null : (parseKroner(amount) ?? amount);
    const body = {
      name,
      basis,
      key,
      cooperationId: cooperationId || null,
      amount: typed,
      ansvarId: basis === 'system' || basis === 'amount' ? null : ansvarId || null,
      systemId: systemId || null,
      metricId: key === 'metric' ? metricId || null : null,
      ownerIds: chosen.length > 0 ? chosen : null,
      percentages: key === 'fixed' ? splitPercentages(percentages).map((p) => parsePercent(p) ?? -1) : null,
    };
    try {
      await api.post(orgPath(orgId, `/cost-pools?year=${data.year}`), body);
      setErrors(NO_ERRORS);
      setName('');
      onSaved();
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    }
  };
  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="pool-form-heading">
      <Heading level={3} data-size="xs" id="pool-form-heading">
        {t('year.pools.new')}
      </Heading>
      <FormFeedback errors={errors} idFor={(f) => `pool-${f}`} />
      <TextInput id="pool-name" label={t('year.pools.name')} value={name} onChange={setName} error={fieldError(errors, 'name')} />
      {data.cooperations.length > 0 ? (
        <SelectInput
          id="pool-cooperationId"
          label={t('year.pools.among')}
          value={cooperationId}
          onChange={chooseCooperation}
          choices={data.cooperations.map((c) => ({ value: c.id, label: t('year.pools.amongCooperation', { name: c.name }) }))}
          emptyLabel={t('year.pools.amongOwners')}
          error={fieldError(errors, 'cooperationId')}
        />
      ) : null}
      <SelectInput id="pool-basis" label={t('year.pools.basis')} value={basis} onChange={setBasis} choices={COST_POOL_BASES.map((b) => ({ value: b, label: t(BASIS_KEYS[b]) }))} />
      {basis === 'amount' || basis === 'system' ? (
        <TextInput id="pool-amount" label={t('year.pools.amount')} description={t('year.pools.amountHint')} value={amount} onChange={setAmount} error={fieldError(errors, 'amount')} />
      ) : null}
      {basis !== 'system' && basis !== 'amount' ? (
        <SelectInput id="pool-ansvarId" label={t('year.accounts.ansvar')} value={ansvarId} onChange={setAnsvarId} choices={choices('ansvar')} emptyLabel={t('year.pools.choose')} error={fieldError(errors, 'ansvarId')} />
      ) : null}
      <SelectInput id="pool-key" label={t('year.pools.key')} value={key} onChange={setKey} choices={COST_SHARE_KEYS.map((k) => ({ value: k, label: t(KEY_KEYS[k]) }))} />
      {basis === 'system' || key === 'users' ? (
        <SelectInput id="pool-systemId" label={t('year.pools.system')} value={systemId} onChange={setSystemId} choices={choices('system')} emptyLabel={t('year.pools.choose')} error={fieldError(errors, 'systemId')} />
      ) : null}
      {key === 'metric' ? (
        <SelectInput id="pool-metricId" label={t('year.pools.metric')} value={metricId} onChange={setMetricId} choices={choices('metric')} emptyLabel={t('year.pools.choose')} error={fieldError(errors, 'metricId')} />
      ) : null}
      <Fieldset className="form-field">
        <Fieldset.Legend>{t(cooperation ? 'year.pools.participants' : 'year.pools.owners')}</Fieldset.Legend>
        <Fieldset.Description>{t(cooperation ? 'year.pools.participantsHint' : 'year.pools.ownersHint')}</Fieldset.Description>
        {sharers.map((o) => (
          <Checkbox
            key={o.organizationId}
            label={o.name}
            value={o.organizationId}
            checked={owners.includes(o.organizationId)}
            onChange={(e) => setOwners((prev) => (e.target.checked ? [...prev, o.organizationId] : prev.filter((x) => x !== o.organizationId)))}
          />
        ))}
      </Fieldset>
      {key === 'fixed' ? (
        <TextInput id="pool-percentages" label={t('year.pools.percentages')} description={t('year.pools.percentagesHint')} value={percentages} onChange={setPercentages} error={fieldError(errors, 'percentages')} />
      ) : null}
      <div className="form-actions">
        <Button type="submit">{t('year.pools.save')}</Button>
      </div>
    </form>
  );
}
