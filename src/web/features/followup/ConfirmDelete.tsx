/** The follow-up's delete confirmation: focused when it opens, the API's message when it fails, Escape cancels. */
import { useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../../i18n/index.tsx';
import { useFocusOn } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';

export function ConfirmDelete({ question, onConfirm, onCancel }: { question: string; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const t = useT();
  const ref = useFocusOn<HTMLDivElement>(question);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(problemMessage(e, t));
      setBusy(false);
    }
  };
  return (
    <Alert
      data-color="warning"
      className="block confirm"
      ref={ref}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <Paragraph>{question}</Paragraph>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button data-color="danger" disabled={busy} onClick={() => void confirm()}>
          {t('common.confirmDelete')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Alert>
  );
}

/** Moves focus to an element after React has rendered it (a heading, or the button a dialog came from). */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
