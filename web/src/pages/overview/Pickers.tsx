/**
 * The plan, region and year a screen shows, as labelled selects. A change goes into the address (a new history
 * entry), so the back button returns to the previous view. The region is the plan's or one directly below it.
 */
import { Form, Select } from 'antd';
import { useMemo } from 'react';
import type { PlanSummary } from '../../api/plans.ts';
import { listRegions } from '../../api/regions.ts';
import { useApi } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { overviewMessages } from './messages.ts';
import { planYears } from './selection.ts';
import type { Selection } from './selection.ts';
import { usePlanTitle } from '../../components/planTitle.ts';

interface PickersProps {
  /** Null: the screen is about one plan, which is not to be changed here. */
  plans: readonly PlanSummary[] | null;
  plan: PlanSummary;
  region: { code: string; name: string };
  year: number | undefined;
  /** The year shown is the default (the latest with data), not one chosen. */
  defaultYear: boolean;
  select: (next: Partial<Selection>) => void;
}

export function Pickers({ plans, plan, region, year, defaultYear, select }: PickersProps) {
  const planTitle = usePlanTitle();
  const t = useT(overviewMessages);
  const children = useApi(() => listRegions(undefined, { parent: plan.region.code }), [plan.region.code]);
  const regionOptions = useMemo(() => {
    const options = [
      { value: plan.region.code, label: plan.region.name },
      ...(children.data?.regions ?? []).map((child) => ({ value: child.code, label: child.name })),
    ];
    return options.some((option) => option.value === region.code)
      ? options
      : [...options, { value: region.code, label: region.name }];
  }, [plan.region, children.data, region]);
  return (
    <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }} aria-label={t('title')}>
      {plans !== null && (
        <Form.Item label={t('plan')} htmlFor="pick-plan">
          <Select
            id="pick-plan"
            value={plan.id}
            style={{ width: 340 }}
            popupMatchSelectWidth={false}
            options={plans.map((one) => ({
              value: one.id,
              label: `${planTitle(one)}${one.status === 'draft' ? `（${t('draft')}）` : ''}`,
            }))}
            onChange={(id: number) => {
              select({ plan: id, region: undefined, year: undefined });
            }}
          />
        </Form.Item>
      )}
      <Form.Item label={t('region')} htmlFor="pick-region">
        <Select
          id="pick-region"
          value={region.code}
          style={{ width: 160 }}
          showSearch={{ optionFilterProp: 'label' }}
          loading={children.loading}
          options={regionOptions}
          onChange={(code: string) => {
            select({ region: code });
          }}
        />
      </Form.Item>
      <Form.Item label={t('year')} htmlFor="pick-year">
        <Select
          id="pick-year"
          value={year}
          style={{ width: 200 }}
          options={planYears(plan).map((one) => ({
            value: one,
            label: `${t('yearOption', { year: one })}${defaultYear && one === year ? t('latestYear') : ''}`,
          }))}
          onChange={(one: number) => {
            select({ year: one });
          }}
        />
      </Form.Item>
    </Form>
  );
}
