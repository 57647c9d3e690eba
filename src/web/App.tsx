import { Fragment, useEffect, type ReactNode } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation, useParams } from 'react-router';
import { LanguageProvider, useT } from './i18n/index.tsx';
import { OrganizationProvider, useCurrentOrganization, useSession, useSessionContext } from './session.tsx';
import { Layout, PublicLayout } from './components/Layout.tsx';
import { Loading, Page } from './components/ui.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { SitesPage } from './pages/SitesPage.tsx';
import { AnnualReportPage } from './pages/AnnualReportPage.tsx';
import { RisksPage } from './pages/RisksPage.tsx';
import { AssetsPage } from './features/assets/AssetsPage.tsx';
import { ForecastPage } from './features/assets/ForecastPage.tsx';
import { CooperationsPage } from './pages/CooperationsPage.tsx';
import { MembersPage } from './pages/MembersPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { SignInSettingsPage } from './pages/SignInSettingsPage.tsx';
import { OrganizationsPage } from './pages/OrganizationsPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanOverviewPage } from './pages/plan/PlanOverviewPage.tsx';
import { RevisionPage } from './pages/plan/RevisionPage.tsx';
import { ActionPlanPage } from './pages/plan/ActionPlanPage.tsx';
import { MeasurePage } from './pages/plan/MeasurePage.tsx';
import { ComparePage } from './pages/plan/ComparePage.tsx';
import { ImportPage } from './pages/plan/ImportPage.tsx';
import { SystemsPage } from './pages/portfolio/SystemsPage.tsx';
import { NewSystemPage, SystemPage } from './pages/portfolio/SystemPage.tsx';
import { SystemsImportPage } from './pages/portfolio/SystemsImportPage.tsx';
import { SupportPage } from './pages/portfolio/SupportPage.tsx';
import { PersonsPage } from './pages/portfolio/PersonsPage.tsx';
import { SuppliersPage } from './pages/portfolio/SuppliersPage.tsx';
import { ContractsPage } from './pages/portfolio/ContractsPage.tsx';
import { IntegrationsPage } from './pages/portfolio/IntegrationsPage.tsx';
import { MatrixPage } from './pages/portfolio/MatrixPage.tsx';
import { DataQualityPage } from './pages/portfolio/DataQualityPage.tsx';
import { PortfolioLayout } from './features/portfolio/PortfolioLayout.tsx';
import { Paragraph } from '@digdir/designsystemet-react';
import { PaymentsPage } from './pages/year/PaymentsPage.tsx';
import { YearImportPage } from './pages/year/YearImportPage.tsx';
import { YearPage } from './pages/year/YearPage.tsx';
import { ProductUsagePage } from './pages/portfolio/ProductUsagePage.tsx';

/**
 * The interface language on `<html lang>` and in the text catalogue: the user's own choice (account
 * page), else the current organization's.
 */
function LanguageFromOrganization({ children }: { children: ReactNode }) {
  const { state } = useSessionContext();
  const organizationLanguage = useCurrentOrganization()?.language ?? 'nb';
  const language = (state.status === 'ready' ? state.session.language : null) ?? organizationLanguage;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return <LanguageProvider language={language}>{children}</LanguageProvider>;
}

function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (state.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' ? '' : `?neste=${encodeURIComponent(next)}`;
    return <Navigate to={`/logg-inn${query}`} replace />;
  }
  return <>{children}</>;
}

function HomeRedirect() {
  const t = useT();
  const session = useSession();
  const { currentSlug } = useSessionContext();
  const org = session.organizations.find((o) => o.slug === currentSlug) ?? session.organizations[0];
  if (org) return <Navigate to={`/o/${org.slug}`} replace />;
  return (
    <Page title={t('home.noOrgsTitle')}>
      <Paragraph>{t('home.noOrgs')}</Paragraph>
    </Page>
  );
}

function OrganizationRoute() {
  const t = useT();
  const { slug = '' } = useParams();
  const session = useSession();
  const { setCurrentSlug } = useSessionContext();
  const org = session.organizations.find((o) => o.slug === slug);
  useEffect(() => {
    if (org) setCurrentSlug(org.slug);
  }, [org, setCurrentSlug]);
  if (!org) {
    return (
      <Page title={t('org.notFoundTitle')}>
        <Paragraph>{t('org.notFound', { slug })}</Paragraph>
      </Page>
    );
  }
  return (
    <OrganizationProvider value={org}>
      {/* Keyed by organization: no half-filled form or edit state carries over to another organization. */}
      <Fragment key={org.id}>
        <Outlet />
      </Fragment>
    </OrganizationProvider>
  );
}

export function App() {
  return (
    <LanguageFromOrganization>
      <Routes>
        <Route path="/logg-inn" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <Layout />
            </RequireSession>
          }
        >
          <Route index element={<HomeRedirect />} />
          <Route path="o/:slug" element={<OrganizationRoute />}>
            <Route index element={<OverviewPage />} />
            <Route path="plan" element={<PlanOverviewPage />} />
            <Route path="plan/import" element={<ImportPage />} />
            <Route path="plan/r/:revisionId" element={<RevisionPage />} />
            <Route path="plan/r/:revisionId/handlingsplan" element={<ActionPlanPage />} />
            <Route path="plan/r/:revisionId/tiltak/ny" element={<MeasurePage />} />
            <Route path="plan/r/:revisionId/tiltak/:measureId" element={<MeasurePage />} />
            <Route path="plan/r/:revisionId/sammenlign" element={<ComparePage />} />
            <Route path="hvem-kontakter-jeg" element={<SupportPage />} />
            <Route element={<PortfolioLayout />}>
            <Route path="systemer" element={<SystemsPage />} />
            <Route path="systemer/ny" element={<NewSystemPage />} />
            <Route path="systemer/import" element={<SystemsImportPage />} />
            <Route path="systemer/:systemId" element={<SystemPage />} />
            <Route path="personer" element={<PersonsPage />} />
            <Route path="leverandorer" element={<SuppliersPage />} />
            <Route path="avtaler" element={<ContractsPage />} />
            <Route path="integrasjoner" element={<IntegrationsPage />} />
            <Route path="systemmatrise" element={<MatrixPage />} />
            <Route path="datakvalitet" element={<DataQualityPage />} />
            <Route path="mest-brukte-systemer" element={<ProductUsagePage />} />
            </Route>
            <Route path="lokasjoner" element={<SitesPage />} />
            <Route path="arsmelding" element={<AnnualReportPage />} />
            <Route path="risiko" element={<RisksPage />} />
            <Route path="utstyr" element={<AssetsPage />} />
            <Route path="utstyr/prognose" element={<ForecastPage />} />
            <Route path="samarbeid" element={<CooperationsPage />} />
            <Route path="ar" element={<YearPage />} />
            <Route path="ar/import/:kind" element={<YearImportPage />} />
            <Route path="ar/betaling" element={<PaymentsPage />} />
            <Route path="admin/medlemmer" element={<MembersPage />} />
            <Route path="admin/endringslogg" element={<AuditPage />} />
            <Route path="admin/innstillinger" element={<SettingsPage />} />
            <Route path="admin/innlogging" element={<SignInSettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="admin/organisasjoner" element={<OrganizationsPage />} />
          <Route path="konto" element={<AccountPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </LanguageFromOrganization>
  );
}
