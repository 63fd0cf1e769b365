/**
 * /public: the published plans by region, each province's own plan first, then its cities' (and counties'), with
 * the period and a link. The server lists only published plans to the public, so a draft never appears here.
 */
import { RightOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { listProvinces, listPublishedPlans } from '../../api/public.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { publicMessages } from './messages.ts';
import { planGroups } from './plans.ts';
import { usePlanTitle } from '../../components/planTitle.ts';

export default function HomePage() {
  const planTitle = usePlanTitle();
  const t = useT(publicMessages);
  const { locale } = useLocale();
  const plans = useApi(() => listPublishedPlans(undefined, { status: 'published' }), []);
  // Province names for the group headings; without them a group is headed by its code, never left out.
  const provinces = useApi(() => listProvinces(undefined), []);
  const dateText = (iso: string) => new Date(iso).toLocaleDateString(locale === 'zh' ? 'zh-CN' : 'en');
  const groups = planGroups(plans.data?.plans ?? [], provinces.data?.regions ?? []);

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22, marginTop: 0 }}>
        {t('homeTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('homeIntro')}</Typography.Paragraph>
      <PageState
        loading={plans.loading && plans.data === undefined}
        error={plans.error}
        empty={groups.length === 0}
        emptyText={t('noPlans')}
        onRetry={plans.reload}
      >
        {groups.map((group) => (
          <section key={group.province} aria-labelledby={`province-${group.province}`} style={{ marginBottom: 16 }}>
            <Typography.Title level={3} id={`province-${group.province}`} style={{ fontSize: 18 }}>
              {group.provinceName}
            </Typography.Title>
            <Card size="small" styles={{ body: { padding: 0 } }}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {group.plans.map((plan, index) => (
                  <li
                    key={plan.id}
                    data-testid="public-plan"
                    style={{ borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
                  >
                    <Link
                      to={`/public/plans/${plan.id}`}
                      style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '12px' }}
                    >
                      <span style={{ flex: 1, minWidth: 0 }}>
                        <Typography.Text strong style={{ display: 'block' }}>
                          {planTitle(plan)}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          <Tag style={{ marginInlineEnd: 6 }}>{t(plan.region.level)}</Tag>
                          {plan.region.name} · {t('period', { start: plan.period.start, end: plan.period.end })}
                          {plan.publishedAt !== null && ` · ${t('publishedAt', { date: dateText(plan.publishedAt) })}`}
                        </Typography.Text>
                      </span>
                      <RightOutlined aria-hidden />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          </section>
        ))}
      </PageState>
    </>
  );
}
