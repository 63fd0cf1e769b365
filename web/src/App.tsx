/**
 * The routes. Workspace screens sit behind sign-in inside AppLayout; the public portal (/public/…) and sign-in are
 * open. Screens load on demand, so the portal on a phone never downloads the workspace.
 */
import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PageState } from './components/PageState.tsx';
import { useT } from './i18n/index.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { layoutMessages } from './layout/messages.ts';
import { sectionsOf } from './roles.ts';
import type { Section } from './roles.ts';
import { useSession } from './session.tsx';

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage.tsx'));
const PlanListPage = lazy(() => import('./pages/plan/PlanListPage.tsx'));
const PlanPage = lazy(() => import('./pages/plan/PlanPage.tsx'));
const PlanReviewPage = lazy(() => import('./pages/plan/PlanReviewPage.tsx'));
const IndicatorPage = lazy(() => import('./pages/indicator/IndicatorPage.tsx'));
const DataEntryPage = lazy(() => import('./pages/data/DataEntryPage.tsx'));
const ReviewQueuePage = lazy(() => import('./pages/data/ReviewQueuePage.tsx'));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage.tsx'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage.tsx'));
const FeedbackInboxPage = lazy(() => import('./pages/feedback/FeedbackInboxPage.tsx'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx'));
const PublicRoutes = lazy(() => import('./pages/public/PublicRoutes.tsx'));

const loading = (
  <PageState loading error={null}>
    {null}
  </PageState>
);

/** Sends the public to sign-in (remembering where they were going). */
function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return loading;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** A section the role's menu does not have answers with a clear refusal, not a broken screen. */
function RequireSection({ section, children }: { section: Section; children: ReactNode }) {
  const t = useT(layoutMessages);
  const { user } = useSession();
  if (user === null || user === undefined || !sectionsOf(user.role).includes(section)) {
    return <Result status="403" title="403" subTitle={t('forbidden')} extra={<Link to="/">{t('backHome')}</Link>} />;
  }
  return <>{children}</>;
}

function NotFound() {
  const t = useT(layoutMessages);
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}

export function App() {
  return (
    <Suspense fallback={loading}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/public/*" element={<PublicRoutes />} />
        <Route
          element={
            <RequireUser>
              <AppLayout />
            </RequireUser>
          }
        >
          <Route index element={<OverviewPage />} />
          <Route path="plans" element={<PlanListPage />} />
          <Route path="plans/:id" element={<PlanPage />} />
          <Route path="plans/:id/review" element={<PlanReviewPage />} />
          <Route path="plans/:id/indicators/:rowNo" element={<IndicatorPage />} />
          <Route
            path="data"
            element={
              <RequireSection section="data">
                <DataEntryPage />
              </RequireSection>
            }
          />
          <Route
            path="review"
            element={
              <RequireSection section="review">
                <ReviewQueuePage />
              </RequireSection>
            }
          />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route
            path="feedback"
            element={
              <RequireSection section="feedback">
                <FeedbackInboxPage />
              </RequireSection>
            }
          />
          <Route
            path="users"
            element={
              <RequireSection section="users">
                <UsersPage />
              </RequireSection>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
