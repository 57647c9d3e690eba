/** Frame of the system-portfolio pages: a sub-menu (Systemer, Avtaler, Integrasjoner, …) above the page. */
import { NavLink, Outlet } from 'react-router';
import { orgPath } from '../../api.ts';
import { useApi } from '../../hooks.ts';
import { useT } from '../../i18n/index.tsx';
import { useOrganization } from '../../session.tsx';
import type { ShareCandidate } from './common.tsx';

/** The first path segments under /o/:slug/ that belong to the portfolio (the main menu marks "Systemer" for them). */
export const PORTFOLIO_SEGMENTS = ['systemer', 'avtaler', 'integrasjoner', 'personer', 'leverandorer', 'datakvalitet', 'systemmatrise'];

export function PortfolioLayout() {
  const t = useT();
  const org = useOrganization();
  const base = `/o/${org.slug}`;
  // The IKS matrix is for an IKS, or for anyone with member organizations to share with.
  const candidates = useApi<ShareCandidate[]>(org.kind === 'iks' ? null : orgPath(org.id, '/share-candidates'));
  const showMatrix = org.kind === 'iks' || (candidates.data?.length ?? 0) > 0;
  return (
    <>
      <nav aria-label={t('portfolio.nav')} className="sub-nav">
        <ul>
          <li>
            <NavLink to={`${base}/systemer`}>{t('nav.systems')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/avtaler`}>{t('nav.contracts')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/integrasjoner`}>{t('nav.integrations')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/personer`}>{t('nav.persons')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/leverandorer`}>{t('nav.suppliers')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/datakvalitet`}>{t('nav.quality')}</NavLink>
          </li>
          {showMatrix ? (
            <li>
              <NavLink to={`${base}/systemmatrise`}>{t('nav.matrix')}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
