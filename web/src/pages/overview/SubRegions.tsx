/**
 * The regions below the one shown, ranked on a chosen indicator: a bar per region coloured by its status, with the
 * value, rank and status written beside the bar; the regions with no figure are named below it. Real figures are
 * sparse, so "no region below has a figure" is said plainly, as the state of the data.
 */
import { Alert, Form, Select, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useCallback, useMemo, useState } from 'react';
import type { IndicatorProgress } from '../../api/evaluation.ts';
import { EChart } from '../../components/EChart.tsx';
import { PageState } from '../../components/PageState.tsx';
import { STATUS_LOOK } from '../../components/status.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { formatValue } from './figures.ts';
import { overviewMessages } from './messages.ts';
import { loadSubRegions } from './subRegions.ts';
import type { SubRegionStatus } from './subRegions.ts';

interface SubRegionsProps {
  planId: number;
  planRegion: string;
  region: { code: string; name: string };
  year: number;
  items: readonly IndicatorProgress[];
}

const NO_STATUS = '#d9d9d9';

/** Read by screen readers, not drawn: the chart's bars as a list. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function chartOption(
  rows: readonly SubRegionStatus[],
  unit: string | null,
  describe: (row: SubRegionStatus) => string,
) {
  // Best at the top: ECharts draws a category axis from the bottom up.
  const shown = [...rows].reverse();
  const option: EChartsCoreOption = {
    animation: false,
    grid: { left: 8, right: 220, top: 8, bottom: 8, containLabel: true },
    // Bars start at zero, so their lengths compare honestly; the value is written beside each one.
    xAxis: { type: 'value', min: 0, axisLabel: { formatter: (value: number) => formatValue(value, unit) } },
    yAxis: { type: 'category', data: shown.map((row) => row.name), axisTick: { show: false } },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: shown.map((row) => ({
          value: row.value,
          name: describe(row),
          itemStyle: { color: row.status === null ? NO_STATUS : STATUS_LOOK[row.status].color },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (params: { dataIndex: number }) => {
            const row = shown[params.dataIndex];
            return row === undefined ? '' : describe(row);
          },
        },
      },
    ],
  };
  return option;
}

export function SubRegions({ planId, planRegion, region, year, items }: SubRegionsProps) {
  const t = useT(overviewMessages);
  const text = useBilingual();
  const matched = useMemo(() => items.filter((item) => item.indicator !== null), [items]);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const item = matched.find((one) => one.row === chosen) ?? matched[0];
  const row = item?.row;
  const loaded = useApi(
    () => (row === undefined ? null : loadSubRegions({ planId, planRegion, region: region.code, row, year })),
    [planId, planRegion, region.code, row, year],
  );
  const rows = useMemo(() => loaded.data ?? [], [loaded.data]);
  const withValue = useMemo(() => rows.filter((one) => one.value !== null), [rows]);
  const missing = rows.filter((one) => one.value === null);
  const unit = item?.unit ?? null;
  const describe = useCallback(
    (one: SubRegionStatus) =>
      [
        one.value === null ? t('noValue') : formatValue(one.value, unit, one.qualifier, t('atLeast')),
        one.rank === null ? null : t('rank', { n: one.rank }),
        one.status === null ? null : text(STATUS_LOOK[one.status].label),
        one.provenance === 'computed' ? t('computedShort') : null,
      ]
        .filter((part) => part !== null)
        .join(' · '),
    [t, text, unit],
  );
  const option = useMemo(() => chartOption(withValue, unit, describe), [withValue, unit, describe]);

  if (item === undefined) return <Typography.Text type="secondary">{t('subRegionsNotRankable')}</Typography.Text>;
  return (
    <div>
      {(loaded.data === undefined || rows.length > 0) && (
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('subRegionIndicator')} htmlFor="sub-region-indicator">
            <Select
              id="sub-region-indicator"
              value={item.row}
              style={{ width: 280 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={matched.map((one) => ({ value: one.row, label: one.name }))}
              onChange={(value: number) => {
                setChosen(value);
              }}
            />
          </Form.Item>
        </Form>
      )}
      <PageState loading={loaded.loading && loaded.data === undefined} error={loaded.error} onRetry={loaded.reload}>
        {rows.length === 0 ? (
          <Typography.Text type="secondary">{t('noSubRegions', { region: region.name })}</Typography.Text>
        ) : withValue.length === 0 ? (
          <Alert
            type="info"
            showIcon
            data-testid="sub-regions-no-data"
            title={t('subRegionsNoData', { year, name: item.name, n: rows.length })}
          />
        ) : (
          <>
            <EChart
              option={option}
              ariaLabel={t('subRegionChart', { year, name: item.name })}
              style={{ height: Math.max(96, withValue.length * 30 + 24) }}
            />
            <ol style={VISUALLY_HIDDEN} aria-label={t('subRegionChart', { year, name: item.name })}>
              {withValue.map((one) => (
                <li key={one.code}>
                  {t('labelled', { label: one.name })}
                  {describe(one)}
                </li>
              ))}
            </ol>
          </>
        )}
        {withValue.length > 0 && missing.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('subRegionsMissing', {
              year,
              n: missing.length,
              names: missing.map((one) => one.name).join('、'),
            })}
          </Typography.Paragraph>
        )}
      </PageState>
    </div>
  );
}
