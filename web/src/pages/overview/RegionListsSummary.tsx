/** 红黑榜 in brief: the leading and lagging regions below the plan's, with the rule they were listed by. */
import { Tag, Typography } from 'antd';
import { getRegionLists } from '../../api/evaluation.ts';
import type { ListedRegion } from '../../api/evaluation.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { overviewMessages } from './messages.ts';

export function RegionListsSummary({ planId, year }: { planId: number; year: number }) {
  const t = useT(overviewMessages);
  const text = useBilingual();
  const { data, loading, error, reload } = useApi(() => getRegionLists({ id: planId }, { year }), [planId, year]);
  const names = (regions: readonly ListedRegion[]) =>
    regions.length === 0
      ? t('listsEmpty')
      : regions
          .map((one) => t('listShare', { name: one.regionName, onTrack: one.onTrack, judged: one.judged }))
          .join('、');
  return (
    <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
      {data !== undefined && (
        <div style={{ display: 'grid', gap: 6, fontSize: 13 }}>
          {data.leading.length + data.lagging.length + data.middle.length === 0 ? (
            <Typography.Text type="secondary">{t('listsNone', { n: data.insufficient.length })}</Typography.Text>
          ) : (
            <>
              <div>
                <Tag color="red">{t('leading')}</Tag>
                {names(data.leading)}
              </div>
              <div>
                <Tag color="#262626">{t('lagging')}</Tag>
                {names(data.lagging)}
              </div>
              <Typography.Text type="secondary">
                {t('middle', { n: data.middle.length })} · {t('insufficient', { n: data.insufficient.length })}
              </Typography.Text>
            </>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('labelled', { label: t('rule') })}
            {text(data.ruleText)}
          </Typography.Text>
        </div>
      )}
    </PageState>
  );
}
