/**
 * The indicator's target beside the parent plan's (a city's beside its province's) with the verdict, and, for a plan
 * with plans below it, each of their targets beside this one. Every figure links to the line of the plan it is
 * printed on.
 */
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { getAlignment } from '../../api/evaluation.ts';
import type { AlignedIndicator, AlignmentFigures, PlanAlignment, Verdict } from '../../api/evaluation.ts';
import type { PlanSummary } from '../../api/plans.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { formatTarget, formatValue } from '../overview/figures.ts';
import { PlanLineLink } from '../overview/FigureSource.tsx';
import { overviewMessages } from '../overview/messages.ts';
import { indicatorMessages } from './messages.ts';

type VerdictKey =
  'verdictMoreAmbitious' | 'verdictAligned' | 'verdictLessAmbitious' | 'verdictNoParentTarget' | 'verdictNotComparable';

const VERDICTS: Readonly<Record<Verdict, { key: VerdictKey; color: string }>> = {
  'more-ambitious': { key: 'verdictMoreAmbitious', color: 'green' },
  aligned: { key: 'verdictAligned', color: 'blue' },
  'less-ambitious': { key: 'verdictLessAmbitious', color: 'orange' },
  'no-parent-target': { key: 'verdictNoParentTarget', color: 'default' },
  'not-comparable': { key: 'verdictNotComparable', color: 'default' },
};

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const t = useT(indicatorMessages);
  const look = VERDICTS[verdict];
  return (
    <Tag color={look.color} data-verdict={verdict}>
      {t(look.key)}
    </Tag>
  );
}

interface Side {
  key: string;
  plan: string;
  planId: number | null;
  line: number | null;
  figures: AlignmentFigures | null;
}

interface AlignmentPanelProps {
  plan: PlanSummary;
  plans: readonly PlanSummary[];
  row: number;
  indicator: string | null;
}

interface Loaded {
  own: PlanAlignment;
  below: { plan: PlanSummary; row: AlignedIndicator | undefined }[];
}

async function loadAlignment(
  plan: PlanSummary,
  plans: readonly PlanSummary[],
  indicator: string | null,
): Promise<Loaded> {
  const children = plans.filter((one) => one.parentPlanId === plan.id && one.status === 'published');
  const [own, ...below] = await Promise.all([
    getAlignment({ id: plan.id }),
    ...children.map((child) => getAlignment({ id: child.id })),
  ]);
  return {
    own,
    below: children.map((child, index) => ({
      plan: child,
      row: indicator === null ? undefined : below[index]?.againstParent?.find((one) => one.entryId === indicator),
    })),
  };
}

function SideBySide({ rows }: { rows: Side[] }) {
  const t = useT(indicatorMessages);
  const show = (value: number | null, figures: AlignmentFigures | null, target: boolean) =>
    value === null || figures === null
      ? '—'
      : target
        ? formatTarget(value, figures.comparator, figures.unit)
        : formatValue(value, figures.unit);
  return (
    <Table<Side>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        {
          title: t('colPlan'),
          key: 'plan',
          render: (_, side) => (
            <span>
              {side.plan}
              {side.planId !== null && side.line !== null && (
                <>
                  {' · '}
                  <PlanLineLink planId={side.planId} line={side.line} />
                </>
              )}
            </span>
          ),
        },
        {
          title: t('colBaseline'),
          key: 'baseline',
          render: (_, side) => show(side.figures?.baseline ?? null, side.figures, false),
        },
        {
          title: t('colTarget'),
          key: 'target',
          render: (_, side) => show(side.figures?.target ?? null, side.figures, true),
        },
      ]}
    />
  );
}

export function AlignmentPanel({ plan, plans, row, indicator }: AlignmentPanelProps) {
  const t = useT(indicatorMessages);
  const o = useT(overviewMessages);
  const text = useBilingual();
  const { data, loading, error, reload } = useApi(
    () => loadAlignment(plan, plans, indicator),
    [plan, plans, indicator],
  );
  const parentRow = data?.own.againstParent?.find((one) => one.rowNo === row);
  const referenceRows = data?.own.againstReference.filter((one) => one.rowNo === row) ?? [];
  const below = data?.below.filter((one) => one.row !== undefined) ?? [];
  const parent = data?.own.parent ?? null;
  const nothing =
    data !== undefined && data.own.againstParent === null && referenceRows.length === 0 && below.length === 0;

  return (
    <PageState loading={loading && data === undefined} error={error} onRetry={reload}>
      {nothing && <Typography.Text type="secondary">{t('alignmentNone')}</Typography.Text>}
      {data?.own.againstParent !== null && data?.own.againstParent !== undefined && parentRow === undefined && (
        <Typography.Text type="secondary">{t('alignmentRowNone')}</Typography.Text>
      )}
      {parentRow !== undefined && parent !== null && (
        <div data-testid="alignment-parent" style={{ marginBottom: 12 }}>
          <SideBySide
            rows={[
              {
                key: 'own',
                plan: plan.region.name ?? plan.region.code,
                planId: plan.id,
                line: parentRow.childLine,
                figures: parentRow.child,
              },
              {
                key: 'parent',
                plan: parent.region.name ?? parent.region.code,
                planId: parent.id,
                line: parentRow.parentLine,
                figures: parentRow.parent,
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <VerdictTag verdict={parentRow.verdict} /> {text(parentRow.explanation)}
          </Typography.Paragraph>
        </div>
      )}
      {referenceRows.map((reference) => (
        <div key={`${String(reference.rowNo)}:${String(reference.childLine)}`} style={{ marginBottom: 12 }}>
          <SideBySide
            rows={[
              {
                key: 'own',
                plan: `${plan.region.name}（${t('thisPlan')}）`,
                planId: plan.id,
                line: reference.childLine,
                figures: reference.child,
              },
              {
                key: 'reference',
                plan: t('reference'),
                planId: plan.id,
                line: reference.parentLine,
                figures: reference.parent,
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <VerdictTag verdict={reference.verdict} /> {text(reference.explanation)}
          </Typography.Paragraph>
        </div>
      ))}
      {below.length > 0 && (
        <div data-testid="alignment-below">
          <Typography.Text strong>{t('alignmentChildren')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {below.map(({ plan: child, row: aligned }) =>
              aligned === undefined ? null : (
                <li key={child.id} style={{ marginBottom: 4 }}>
                  <Link to={`/plans/${String(child.id)}/indicators/${String(aligned.rowNo)}`}>{child.region.name}</Link>
                  {o('labelled', { label: '' })}
                  {aligned.child.target === null
                    ? '—'
                    : formatTarget(aligned.child.target, aligned.child.comparator, aligned.child.unit)}{' '}
                  <VerdictTag verdict={aligned.verdict} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {text(aligned.explanation)}
                  </Typography.Text>
                </li>
              ),
            )}
          </ul>
        </div>
      )}
    </PageState>
  );
}
