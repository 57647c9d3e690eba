/**
 * The organization's equipment classes on the register component: default lifetime and unit price,
 * changed, added or deleted here (a class with units in the register is refused with 409).
 */
import { Button, Heading } from '@digdir/designsystemet-react';
import type { AssetClass } from '../../../domain/asset.ts';
import { formatInteger } from '../../../domain/format.ts';
import { formatKroner } from '../../../domain/money.ts';
import { orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { StatusMessage } from '../../components/ui.tsx';
import { RegisterTable, type TableColumn } from '../../components/register-table/RegisterTable.tsx';
import { fieldError, FormFeedback, parseCount, TextInput } from '../../forms.tsx';
import { DeleteConfirmation, RowActions, useRegister } from '../../components/register/register.tsx';

interface ClassForm {
  name: string;
  lifetime: string;
  unitPrice: string;
}
const EMPTY: ClassForm = { name: '', lifetime: '', unitPrice: '' };

const formOf = (c: AssetClass): ClassForm => ({ name: c.name, lifetime: c.lifetime === null ? '' : String(c.lifetime), unitPrice: c.unitPrice === null ? '' : String(c.unitPrice) });
const bodyOf = (form: ClassForm) => ({ name: form.name, lifetime: parseCount(form.lifetime), unitPrice: parseCount(form.unitPrice.replace(/[\s\u00a0]|kr/g, '')) });

export function AssetClasses({ orgId, classes, canEdit, onChanged }: { orgId: string; classes: AssetClass[]; canEdit: boolean; onChanged: () => void }) {
  const t = useT();
  const register = useRegister<AssetClass, ClassForm>({
    path: orgPath(orgId, '/asset-classes'),
    list: { data: classes, error: undefined, loading: false, reload: onChanged },
    empty: EMPTY,
    formOf,
    bodyOf,
    nameOf: (c) => c.name,
    idPrefix: 'asset-class',
  });
  const { form, errors, set } = register;

  const columns: TableColumn<AssetClass>[] = [
    { key: 'name', header: t('assets.className'), value: (c) => c.name },
    { key: 'lifetime', header: t('assets.defaultLifetime'), value: (c) => c.lifetime, render: (c) => (c.lifetime === null ? '–' : t('assets.years', { n: c.lifetime })), numeric: true },
    { key: 'unitPrice', header: t('assets.defaultPrice'), value: (c) => c.unitPrice, render: (c) => (c.unitPrice === null ? '–' : formatKroner(c.unitPrice)), numeric: true },
    { key: 'quantity', header: t('assets.units'), value: (c) => c.quantity, render: (c) => formatInteger(c.quantity), numeric: true },
  ];

  return (
    <section aria-labelledby="asset-classes-heading" className="block">
      <Heading level={2} data-size="sm" id="asset-classes-heading">
        {t('assets.classesHeading')}
      </Heading>
      <StatusMessage message={register.status} />
      <RegisterTable
        id="asset-classes"
        caption={t('assets.classesCaption')}
        columns={columns}
        items={classes}
        rowKey={(c) => c.id}
        actions={canEdit ? (c) => <RowActions register={register} item={c} name={c.name} /> : undefined}
      />
      {/* A class with units in the register is not deleted: the API's 409 says how many. */}
      <DeleteConfirmation register={register} nameOf={(c) => c.name} />
      {canEdit ? (
        <section aria-labelledby="asset-class-form-heading" className="form-section">
          <Heading level={3} data-size="xs" id="asset-class-form-heading" ref={register.formHeadingRef} tabIndex={-1}>
            {register.editing ? t('assets.editClass', { name: register.editing.name }) : t('assets.addClass')}
          </Heading>
          <FormFeedback errors={errors} idFor={register.idOf} onReload={register.reloadAfterConflict} />
          <form className="form" noValidate onSubmit={register.onSubmit} aria-labelledby="asset-class-form-heading">
            <TextInput id="asset-class-name" label={t('assets.className')} value={form.name} onChange={set('name')} error={fieldError(errors, 'name')} />
            <div className="form-row">
              <TextInput id="asset-class-lifetime" label={t('assets.defaultLifetime')} value={form.lifetime} onChange={set('lifetime')} inputMode="numeric" error={fieldError(errors, 'lifetime')} />
              <TextInput id="asset-class-unitPrice" label={t('assets.defaultPrice')} value={form.unitPrice} onChange={set('unitPrice')} inputMode="numeric" error={fieldError(errors, 'unitPrice')} />
            </div>
            <div className="form-actions">
              <Button type="submit" loading={register.busy}>
                {register.editing ? t('common.saveChanges') : t('assets.addClassButton')}
              </Button>
              {register.editing ? (
                <Button type="button" variant="secondary" onClick={register.resetForm}>
                  {t('common.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
        </section>
      ) : null}
    </section>
  );
}
