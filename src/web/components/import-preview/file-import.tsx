/**
 * The file step of ImportPreview: choose a spreadsheet, preview what the server would import (dry
 * run), then confirm. Errors arrive as field errors on `file`.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { postBytes } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useFocusOn } from '../ui.tsx';
import { clientErrors, errorsFrom, fieldError, FormFeedback, NO_ERRORS, type FormErrors } from '../../forms.tsx';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function useFileImport<T>(urlFor: (filename: string, dryRun: boolean) => string) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<T | null>(null);
  const [imported, setImported] = useState<T | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const previewRef = useFocusOn<HTMLHeadingElement>(preview);
  const doneRef = useFocusOn<HTMLDivElement>(imported);

  const send = async (dryRun: boolean): Promise<void> => {
    if (!file) {
      setErrors((prev) => clientErrors([{ field: 'file', message: t('import.chooseFile') }], prev));
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setErrors((prev) => clientErrors([{ field: 'file', message: t('import.tooLarge') }], prev));
      return;
    }
    setBusy(dryRun ? 'preview' : 'import');
    try {
      const result = await postBytes<T>(urlFor(file.name, dryRun), await file.arrayBuffer());
      setErrors(NO_ERRORS);
      if (dryRun) setPreview(result);
      else setImported(result);
    } catch (error) {
      setErrors((prev) => errorsFrom(error, t, prev));
    } finally {
      setBusy(null);
    }
  };

  return {
    file,
    preview,
    imported,
    errors,
    busy,
    previewRef,
    doneRef,
    fileError: fieldError(errors, 'file'),
    /** Confirms the previewed file. */
    confirm: () => void send(false),
    onPreview: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setImported(null);
      void send(true);
    },
    onFileChange: (event: ChangeEvent<HTMLInputElement>) => {
      setFile(event.target.files?.[0] ?? null);
      setPreview(null);
      setImported(null);
    },
  };
}

const SPREADSHEET_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The error summary and the file form (choose a spreadsheet, preview) of an import page. */
export function FileImportForm<T>({ id, label, hint, state }: { id: string; label: string; hint: string; state: ReturnType<typeof useFileImport<T>> }) {
  const t = useT();
  return (
    <>
      <FormFeedback errors={state.errors} idFor={(f) => (f === 'file' || f === 'filename' ? id : undefined)} />
      <form className="form" noValidate onSubmit={state.onPreview} aria-label={label}>
        <Field className="form-field">
          <Label htmlFor={id}>{t('import.file')}</Label>
          <Field.Description>{hint}</Field.Description>
          <Input id={id} type="file" accept={SPREADSHEET_TYPES} aria-invalid={state.fileError ? true : undefined} onChange={state.onFileChange} />
          {state.fileError ? <ValidationMessage>{state.fileError}</ValidationMessage> : null}
        </Field>
        <div className="form-actions">
          <Button type="submit" variant={state.preview ? 'secondary' : 'primary'} loading={state.busy === 'preview'}>
            {t('import.preview')}
          </Button>
        </div>
      </form>
    </>
  );
}
