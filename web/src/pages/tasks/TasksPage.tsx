/**
 * 任务与工程: a plan's 专栏 commitments and its tasks with their responsible units, deadlines, progress, status and
 * evidence; filters by status (with counts), due soon, unit and region; task suggestions from the plan's chapters;
 * the units' and regions' 红黑榜; the 规划实施清单 workbook. The plan, tab and filters live in the address, so a link
 * opens the same view. Statuses are the server's, computed for the day it names.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Radio, Select, Space, Tabs, Tooltip, Typography } from 'antd';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PlanSummary } from '../../api/plans.ts';
import { checklistLink, listCommitments, listTasks } from '../../api/tracking.ts';
import type { Commitment, Task } from '../../api/tracking.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { CommitmentDrawer } from './CommitmentDrawer.tsx';
import { CommitmentTable } from './CommitmentTable.tsx';
import {
  commitmentFacts,
  countByFilter,
  DUE_SOON_DAYS,
  matchesScope,
  matchesStatus,
  STATUS_FILTERS,
  taskFacts,
  unitsOf,
} from './filters.ts';
import type { Filterable, StatusFilter } from './filters.ts';
import { ListsTab } from './ListsTab.tsx';
import { tasksMessages } from './messages.ts';
import { PlanSelect, useChosenPlan } from './PlanPicker.tsx';
import { SuggestionsDrawer } from './SuggestionsDrawer.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';
import { TaskTable } from './TaskTable.tsx';
import { TRACK_LOOK } from './TrackStatusTag.tsx';

type Tab = 'commitments' | 'tasks' | 'lists';

const isTab = (value: string | null): value is Tab => value === 'commitments' || value === 'tasks' || value === 'lists';
const isStatus = (value: string | null): value is StatusFilter =>
  value !== null && (STATUS_FILTERS as readonly string[]).includes(value);

/** A filter kept in the address; setting it to null removes it. */
function useParam(name: string): [string | null, (value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string | null) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };
  return [params.get(name), set];
}

interface FilterBarProps {
  facts: Filterable[];
  today: string;
  status: StatusFilter;
  setStatus: (value: StatusFilter) => void;
  unit: string | null;
  setUnit: (value: string | null) => void;
  region: {
    value: string | null;
    set: (value: string | null) => void;
    options: { value: string; label: string }[];
  } | null;
}

/** Status buttons with their counts (within the unit and region chosen), then the unit and region selects. */
function FilterBar({ facts, today, status, setStatus, unit, setUnit, region }: FilterBarProps) {
  const t = useT(tasksMessages);
  const unitId = useId();
  const regionId = useId();
  const scoped = facts.filter((item) => matchesScope(item, unit, region?.value ?? null));
  const counts = countByFilter(scoped, today);
  return (
    <Space wrap style={{ marginBottom: 12 }} size="middle">
      <Radio.Group
        value={status}
        optionType="button"
        aria-label={t('statusFilter')}
        onChange={(event) => {
          setStatus(event.target.value as StatusFilter);
        }}
      >
        {STATUS_FILTERS.map((filter) => (
          <Radio.Button key={filter} value={filter} data-filter={filter}>
            {filter === 'all' ? t('all') : filter === 'due_soon' ? t('dueSoon') : <StatusLabel status={filter} />} (
            {counts[filter]})
          </Radio.Button>
        ))}
      </Radio.Group>
      {status === 'due_soon' && (
        <Typography.Text type="secondary">{t('dueSoonHint', { days: DUE_SOON_DAYS, today })}</Typography.Text>
      )}
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <label htmlFor={unitId}>{t('unit')}</label>
        <Select
          id={unitId}
          style={{ width: 200 }}
          allowClear
          placeholder={t('unitAll')}
          value={unit ?? undefined}
          onChange={(value: string | undefined) => {
            setUnit(value ?? null);
          }}
          options={unitsOf(facts).map((one) => ({ value: one, label: one }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </span>
      {region !== null && (
        <Tooltip title={t('regionHint')}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <label htmlFor={regionId}>{t('region')}</label>
            <Select
              id={regionId}
              style={{ width: 160 }}
              allowClear
              placeholder={t('regionAll')}
              value={region.value ?? undefined}
              onChange={(value: string | undefined) => {
                region.set(value ?? null);
              }}
              options={region.options}
            />
          </span>
        </Tooltip>
      )}
    </Space>
  );
}

/** A status filter's label: the status's icon and name, as its tag shows them. */
function StatusLabel({ status }: { status: keyof typeof TRACK_LOOK }) {
  const text = useBilingual();
  const look = TRACK_LOOK[status];
  return (
    <span>
      {look.icon} {text(look.label)}
    </span>
  );
}

function PlanTracking({ plan }: { plan: PlanSummary }) {
  const t = useT(tasksMessages);
  const [tabParam, setTab] = useParam('tab');
  const [statusParam, setStatus] = useParam('status');
  const [unit, setUnit] = useParam('unit');
  const [region, setRegion] = useParam('region');
  const tab: Tab = isTab(tabParam) ? tabParam : 'commitments';
  const status: StatusFilter = isStatus(statusParam) ? statusParam : 'all';
  const commitments = useApi(() => listCommitments({ id: plan.id }), [plan.id]);
  const tasks = useApi(() => listTasks({ id: plan.id }), [plan.id]);
  const [openCommitment, setOpenCommitment] = useState<number | null>(null);
  const [openTask, setOpenTask] = useState<number | null>(null);
  const [suggesting, setSuggesting] = useState(false);

  const commitmentItems = commitments.data?.items ?? [];
  const taskItems = tasks.data?.items ?? [];
  const today = commitments.data?.today ?? tasks.data?.today ?? '';
  const chooseStatus = (value: StatusFilter) => {
    setStatus(value === 'all' ? null : value);
  };

  const shown = <T,>(items: T[], facts: (item: T) => Filterable, withRegion: boolean) =>
    items.filter((item) => {
      const f = facts(item);
      return matchesStatus(f, status, today) && matchesScope(f, unit, withRegion ? region : null);
    });

  const regionOptions = [
    ...new Map(taskItems.flatMap((task) => task.regions).map((one) => [one.code, one.name ?? one.code])),
  ].map(([value, label]) => ({ value, label }));

  const commitmentTab = (
    <PageState
      loading={commitments.loading && commitments.data === undefined}
      error={commitments.error}
      onRetry={commitments.reload}
      empty={commitmentItems.length === 0}
    >
      <FilterBar
        facts={commitmentItems.map(commitmentFacts)}
        today={today}
        status={status}
        setStatus={chooseStatus}
        unit={unit}
        setUnit={setUnit}
        region={null}
      />
      {(() => {
        const rows = shown<Commitment>(commitmentItems, commitmentFacts, false);
        return rows.length === 0 ? (
          <Empty description={t('noMatches')} />
        ) : (
          <CommitmentTable
            items={rows}
            onOpen={(item) => {
              setOpenCommitment(item.position);
            }}
          />
        );
      })()}
    </PageState>
  );

  const taskTab = (
    <PageState loading={tasks.loading && tasks.data === undefined} error={tasks.error} onRetry={tasks.reload}>
      <Space style={{ marginBottom: 12 }}>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setSuggesting(true);
          }}
        >
          {t('suggestions')}
        </Button>
      </Space>
      {taskItems.length === 0 ? (
        <Empty description={t('noTasks')} />
      ) : (
        <>
          <FilterBar
            facts={taskItems.map(taskFacts)}
            today={today}
            status={status}
            setStatus={chooseStatus}
            unit={unit}
            setUnit={setUnit}
            region={{ value: region, set: setRegion, options: regionOptions }}
          />
          {(() => {
            const rows = shown<Task>(taskItems, taskFacts, true);
            return rows.length === 0 ? (
              <Empty description={t('noMatches')} />
            ) : (
              <TaskTable
                items={rows}
                onOpen={(task) => {
                  setOpenTask(task.id);
                }}
              />
            );
          })()}
        </>
      )}
    </PageState>
  );

  return (
    <>
      {today !== '' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('statusesAsOf', { today })}
        </Typography.Text>
      )}
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => {
          setTab(key === 'commitments' ? null : key);
        }}
        items={[
          {
            key: 'commitments',
            label: `${t('tabCommitments')}${commitments.data === undefined ? '' : `（${String(commitmentItems.length)}）`}`,
            children: commitmentTab,
          },
          {
            key: 'tasks',
            label: `${t('tabTasks')}${tasks.data === undefined ? '' : `（${String(taskItems.length)}）`}`,
            children: taskTab,
          },
          { key: 'lists', label: t('tabLists'), children: <ListsTab plan={plan} /> },
        ]}
      />
      <CommitmentDrawer
        item={commitmentItems.find((item) => item.position === openCommitment)}
        onClose={() => {
          setOpenCommitment(null);
        }}
        onChanged={commitments.reload}
      />
      <TaskDrawer
        task={taskItems.find((task) => task.id === openTask)}
        today={today}
        onClose={() => {
          setOpenTask(null);
        }}
        onChanged={tasks.reload}
      />
      <SuggestionsDrawer
        plan={plan}
        open={suggesting}
        onClose={() => {
          setSuggesting(false);
        }}
        onCreated={tasks.reload}
      />
    </>
  );
}

export default function TasksPage() {
  const t = useT(tasksMessages);
  const chosen = useChosenPlan();
  const { plans, plan } = chosen;
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <PlanSelect chosen={chosen} />
          {plan !== null && (
            <Button icon={<DownloadOutlined />} href={checklistLink({ id: plan.id }, { format: 'xlsx' })} download>
              {t('checklistXlsx')}
            </Button>
          )}
        </Space>
      </Space>
      <PageState
        loading={plans.loading && plans.data === undefined}
        error={plans.error}
        onRetry={plans.reload}
        empty={plan === null}
        emptyText={t('noPlans')}
      >
        {plan !== null && <PlanTracking key={plan.id} plan={plan} />}
      </PageState>
    </div>
  );
}
