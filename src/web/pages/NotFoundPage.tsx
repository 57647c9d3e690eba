import { Link as RouterLink } from 'react-router';
import { Paragraph } from '@digdir/designsystemet-react';
import { useT } from '../i18n/index.tsx';
import { Page } from '../components/ui.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <RouterLink to="/" className="ds-link">
          {t('notFound.home')}
        </RouterLink>
      </Paragraph>
    </Page>
  );
}
