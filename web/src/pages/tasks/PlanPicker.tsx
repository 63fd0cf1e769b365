/**
 * Choosing the plan a screen works on, kept in the address (`?plan=`) so a link or a reload opens the same plan.
 * Without one, the plan of the user's own region is chosen, else the first listed.
 */
import { Select } from 'antd';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listPlans } from '../../api/plans.ts';
import type { PlanSummary } from '../../api/plans.ts';
import { usePlanTitle } from '../../components/planTitle.ts';
import { useApi } from '../../hooks/useApi.ts';
import type { Loaded } from '../../hooks/useApi.ts';
import { useT } from '../../i18n/index.tsx';
import { useUser } from '../../session.tsx';
import { tasksMessages } from './messages.ts';

export interface ChosenPlan {
  plans: Loaded<{ plans: PlanSummary[] }>;
  /** The plans offered (published ones: only those are tracked and reported on). */
  offered: PlanSummary[];
  plan: PlanSummary | null;
  choose: (id: number) => void;
}

/** The plans, and the one chosen in the address. */
export function useChosenPlan(): ChosenPlan {
  const user = useUser();
  const plans = useApi(() => listPlans(undefined), []);
  const [params, setParams] = useSearchParams();
  const offered = (plans.data?.plans ?? []).filter((plan) => plan.status === 'published');
  const wanted = Number(params.get('plan'));
  const plan =
    offered.find((one) => one.id === wanted) ??
    offered.find((one) => one.region.code === user.regionCode) ??
    offered[0] ??
    null;

  // Write the default into the address once the plans are known, so the address always names what is shown.
  const missing = plan !== null && plan.id !== wanted;
  useEffect(() => {
    if (!missing) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('plan', String(plan.id));
        return next;
      },
      { replace: true },
    );
  }, [missing, plan, setParams]);

  const choose = (id: number) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('plan', String(id));
        return next;
      },
      { replace: false },
    );
  };
  return { plans, offered, plan, choose };
}

/** The plan select with its visible label. */
export function PlanSelect({ chosen, width = 380 }: { chosen: ChosenPlan; width?: number }) {
  const t = useT(tasksMessages);
  const name = usePlanTitle();
  const id = useId();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor={id}>{t('plan')}</label>
      <Select
        id={id}
        style={{ width }}
        placeholder={t('planPlaceholder')}
        loading={chosen.plans.loading}
        value={chosen.plan?.id}
        onChange={(value: number) => {
          chosen.choose(value);
        }}
        options={chosen.offered.map((plan) => ({ value: plan.id, label: name(plan) }))}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="plan-select"
      />
    </span>
  );
}
