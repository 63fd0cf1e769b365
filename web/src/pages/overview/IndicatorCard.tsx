/**
 * One indicator on the overview: its name, nature and status, the latest figure with its year and source, the
 * baseline and target with the plan's line, and the sparkline. The whole card opens the indicator screen.
 */
import { Card, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { IndicatorProgress } from '../../api/evaluation.ts';
import { EChart } from '../../components/EChart.tsx';
import { RedLineTag, StatusTag } from '../../components/status.tsx';
import { useT } from '../../i18n/index.tsx';
import { FigureSource, PlanLineLink } from './FigureSource.tsx';
import { figureOf, formatTarget, formatValue } from './figures.ts';
import type { FigureIndex } from './figures.ts';
import { overviewMessages } from './messages.ts';
import { hasSparkline, sparklineOption } from './sparkline.ts';

interface IndicatorCardProps {
  planId: number;
  item: IndicatorProgress;
  figures: FigureIndex | undefined;
  /** The address of the indicator screen, with the region and year shown here. */
  to: string;
  /** The plan's own region: its baseline is the plan's, printed on the plan's line. */
  own: boolean;
}

/** Nature of an indicator as a tag: 约束性 stands out, 预期性 does not. */
export function NatureTag({ attribute }: { attribute: IndicatorProgress['attribute'] }) {
  const t = useT(overviewMessages);
  if (attribute === null) return null;
  return attribute === 'binding' ? <Tag color="purple">{t('binding')}</Tag> : <Tag>{t('expected')}</Tag>;
}

const row = { display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 } as const;
const term = { flex: '0 0 auto', color: 'rgba(0,0,0,0.55)' } as const;

export function IndicatorCard({ planId, item, figures, to, own }: IndicatorCardProps) {
  const t = useT(overviewMessages);
  const atLeast = t('atLeast');
  const option = useMemo(() => sparklineOption(item, { baseline: t('baseline'), target: t('target') }), [item, t]);
  const unit = item.unit;
  const latest = item.latest;
  return (
    <Card
      size="small"
      data-testid="indicator-card"
      data-row={item.row}
      title={
        <Link to={to} title={t('openIndicator')} style={{ whiteSpace: 'normal' }}>
          {item.name}
        </Link>
      }
      styles={{ header: { minHeight: 44 }, body: { paddingTop: 8 } }}
      style={{ height: '100%', borderColor: item.redLine ? '#ffa39e' : undefined }}
    >
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <StatusTag status={item.status} />
        {item.redLine && <RedLineTag />}
        <NatureTag attribute={item.attribute} />
      </Space>
      <div style={{ fontSize: 13, display: 'grid', gap: 2 }}>
        <div style={row}>
          <span style={term}>{t('latest')}</span>
          {latest === null ? (
            <Typography.Text type="secondary">{t('noValue')}</Typography.Text>
          ) : (
            <span style={{ minWidth: 0 }}>
              <strong>
                {t('valueYear', {
                  value: formatValue(latest.value, unit, latest.qualifier, atLeast),
                  year: latest.year,
                })}
              </strong>
              {(figures !== undefined || latest.provenance === 'computed') && (
                <>
                  {' · '}
                  <FigureSource point={latest} figure={figureOf(figures, item.indicator, latest)} />
                </>
              )}
            </span>
          )}
        </div>
        <div style={row}>
          <span style={term}>{t('target')}</span>
          {item.target === null ? (
            <Typography.Text type="secondary">{t('noValue')}</Typography.Text>
          ) : (
            <span>
              {t('valueYear', {
                value: formatTarget(item.target.value, item.target.comparator, unit),
                year: item.target.year,
              })}
              {' · '}
              <PlanLineLink planId={planId} line={item.line} />
            </span>
          )}
        </div>
        <div style={row}>
          <span style={term}>{t('baseline')}</span>
          {item.baseline === null ? (
            <Typography.Text type="secondary">{t('noValue')}</Typography.Text>
          ) : (
            <span>
              {t('valueYear', {
                value: formatValue(item.baseline.value, unit, item.baseline.qualifier, atLeast),
                year: item.baseline.year,
              })}
              {own ? (
                <>
                  {' · '}
                  <PlanLineLink planId={planId} line={item.line} />
                </>
              ) : (
                // Below the plan's region the baseline is the region's own figure, with its own source.
                (figures !== undefined || item.baseline.provenance === 'computed') && (
                  <>
                    {' · '}
                    <FigureSource point={item.baseline} figure={figureOf(figures, item.indicator, item.baseline)} />
                  </>
                )
              )}
            </span>
          )}
        </div>
      </div>
      {item.indicator === null ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('notMatched')}
        </Typography.Paragraph>
      ) : (
        hasSparkline(item) && (
          <EChart
            option={option}
            ariaLabel={t('sparkline', { name: item.name })}
            style={{ height: 64, marginTop: 4 }}
          />
        )
      )}
    </Card>
  );
}
