/**
 * The public portal (公开), everything under /public, without sign-in: the published plans, each plan's indicators,
 * figures, reports and 意见建议, and one indicator's trend. It calls only endpoints that answer the public.
 */
import { Result } from 'antd';
import { Link, Route, Routes } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import HomePage from './HomePage.tsx';
import IndicatorTrendPage from './IndicatorTrendPage.tsx';
import { publicMessages } from './messages.ts';
import PlanPage from './PlanPage.tsx';
import { PublicLayout } from './PublicLayout.tsx';

function NotFound() {
  const t = useT(publicMessages);
  return <Result status="404" title="404" subTitle={t('notFound')} extra={<Link to="/public">{t('back')}</Link>} />;
}

export default function PublicRoutes() {
  return (
    <PublicLayout>
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="plans/:id" element={<PlanPage />} />
        <Route path="plans/:id/indicators/:rowNo" element={<IndicatorTrendPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </PublicLayout>
  );
}
