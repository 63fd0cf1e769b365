/**
 * How many indicators have each status, worst first, after the red-line count. Each status is a
 * toggle button that filters the cards below (icon and label, so colour never carries the status alone).
 */
import { WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { PlanProgress } from '../../api/evaluation.ts';
import { STATUS_LOOK, STATUS_ORDER } from '../../components/status.tsx';
import type { ProgressStatus } from '../../components/status.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { overviewMessages } from './messages.ts';

interface StatusCountsProps {
  summary: PlanProgress['summary'];
  filter: ProgressStatus | null;
  onFilter: (status: ProgressStatus | null) => void;
}

function Tile({
  label,
  count,
  color,
  icon,
  pressed,
  onClick,
  testId,
}: {
  label: string;
  count: number;
  color: string;
  icon?: ReactNode;
  pressed?: boolean;
  onClick?: () => void;
  testId: string;
}) {
  const body = (
    <>
      <span style={{ color, fontSize: 12, lineHeight: 1.3 }}>
        {icon} {label}
      </span>
      <span style={{ fontSize: 22, fontWeight: 600, color: count === 0 ? '#bfbfbf' : '#262626', lineHeight: 1.3 }}>
        {count}
      </span>
    </>
  );
  const style = {
    display: 'flex',
    flexDirection: 'column' as const,
    alignItems: 'flex-start',
    padding: '6px 8px',
    border: `1px solid ${pressed === true ? color : '#f0f0f0'}`,
    borderLeft: `4px solid ${color}`,
    borderRadius: 4,
    background: pressed === true ? '#f5f8ff' : '#fff',
    minWidth: 0,
    font: 'inherit',
    textAlign: 'left' as const,
  };
  return onClick === undefined ? (
    <div style={style} data-testid={testId}>
      {body}
    </div>
  ) : (
    <button
      type="button"
      style={{ ...style, cursor: 'pointer' }}
      aria-pressed={pressed}
      onClick={onClick}
      data-testid={testId}
    >
      {body}
    </button>
  );
}

export function StatusCounts({ summary, filter, onFilter }: StatusCountsProps) {
  const t = useT(overviewMessages);
  const text = useBilingual();
  return (
    <section aria-label={t('statusCounts')}>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(112px, 1fr))', gap: 8 }}
        title={t('filterHint')}
      >
        <Tile
          label={t('redLines')}
          count={summary.redLines}
          color="#cf1322"
          icon={<WarningOutlined />}
          testId="count-red-lines"
        />
        {STATUS_ORDER.map((status) => (
          <Tile
            key={status}
            label={text(STATUS_LOOK[status].label)}
            count={summary.byStatus[status]}
            color={STATUS_LOOK[status].color}
            icon={STATUS_LOOK[status].icon}
            pressed={filter === status}
            onClick={() => {
              onFilter(filter === status ? null : status);
            }}
            testId={`count-${status}`}
          />
        ))}
      </div>
    </section>
  );
}
