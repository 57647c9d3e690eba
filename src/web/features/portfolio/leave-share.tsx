/** A member organization ends the sharing of another organization's system with itself. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { SystemDetail } from '../../../domain/portfolio.ts';
import type { AccessibleOrganization } from '../../../domain/organization.ts';
import { api, orgPath } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { useFocusOn } from '../../components/ui.tsx';
import { problemMessage } from '../../forms.tsx';
import { systemsUrl } from './common.tsx';

export function LeaveShare({ org, system, share }: { org: AccessibleOrganization; system: SystemDetail; share: SystemDetail['shares'][number] }) {
  const t = useT();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useFocusOn<HTMLDivElement>(confirming ? system.id : null);

  const onLeave = async () => {
    setError(null);
    try {
      await api.delete(orgPath(org.id, `/systems/${system.id}/share?version=${share.version}`));
      void navigate(systemsUrl(org.slug));
    } catch (e) {
      setError(problemMessage(e, t));
    }
  };

  if (!confirming) {
    return (
      <div className="form-actions">
        <Button variant="tertiary" data-color="danger" onClick={() => setConfirming(true)}>
          {t('share.leave')}
        </Button>
      </div>
    );
  }
  return (
    <Alert data-color="warning" className="block confirm" ref={confirmRef} tabIndex={-1}>
      <Paragraph>{t('share.leaveConfirm', { org: org.name, name: system.name })}</Paragraph>
      {error ? (
        <Paragraph className="error-text" role="alert">
          {error}
        </Paragraph>
      ) : null}
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void onLeave()}>
          {t('share.confirmLeave')}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </Alert>
  );
}
