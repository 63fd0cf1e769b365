/**
 * The plan's indicator table (主要指标) as the structure pane shows it: each row's name leads to its source line, its
 * figures are printed as the plan prints them (a gap stays a gap), and a link opens the indicator's monitoring page.
 */
import { LineChartOutlined, LockOutlined, QuestionCircleOutlined, RiseOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { IndicatorAttribute, PlanIndicator, TableValue } from '../../api/plan-detail.ts';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { JumpButton } from './jump.tsx';
import { ATTRIBUTE_LABELS } from './labels.ts';
import { planMessages } from './messages.ts';

/** A cell as printed, with its year; an empty or number-less cell says so instead of showing 0. */
export function PrintedValue({ value }: { value: TableValue }) {
  const t = useT(planMessages);
  const printed = value.raw.trim();
  return (
    <span>
      {printed === '' ? <Typography.Text type="secondary">{t('missing')}</Typography.Text> : printed}
      {value.value === null && printed !== '' && (
        <Tooltip title={t('noNumber')}>
          <QuestionCircleOutlined style={{ color: '#8c8c8c', marginLeft: 4 }} aria-label={t('noNumber')} />
        </Tooltip>
      )}
      {value.year !== null && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('yearOf', { year: value.year })}
        </Typography.Text>
      )}
    </span>
  );
}

/** 约束性 / 预期性 as a tag with an icon and its word (colour is never the only sign). */
export function AttributeTag({ attribute }: { attribute: IndicatorAttribute | null }) {
  const t = useT(planMessages);
  const text = useBilingual();
  if (attribute === null) return <Typography.Text type="secondary">{t('attributeUnknown')}</Typography.Text>;
  return attribute === 'binding' ? (
    <Tag color="red" icon={<LockOutlined />} data-attribute="binding">
      {text(ATTRIBUTE_LABELS.binding)}
    </Tag>
  ) : (
    <Tag color="blue" icon={<RiseOutlined />} data-attribute="expected">
      {text(ATTRIBUTE_LABELS.expected)}
    </Tag>
  );
}

/** "学前教育毛入园率（%）" with its sub-item. */
export function indicatorLabel(row: Pick<PlanIndicator, 'name' | 'subItem' | 'unit'>): string {
  const name = row.subItem === null ? row.name : `${row.name}·${row.subItem}`;
  return row.unit === null ? name : `${name}（${row.unit}）`;
}

export function IndicatorTable({ planId, rows }: { planId: number; rows: PlanIndicator[] }) {
  const t = useT(planMessages);
  const columns: TableColumnsType<PlanIndicator> = [
    {
      title: t('indicator'),
      key: 'name',
      render: (_, row) => (
        <div>
          {row.category !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 6 }}>
              {row.category}
            </Typography.Text>
          )}
          <JumpButton line={row.line} testId={`indicator-${row.rowNo}`}>
            {indicatorLabel(row)}
          </JumpButton>
          {row.match.method === 'none' && (
            <Typography.Text type="warning" style={{ fontSize: 12, paddingLeft: 6 }}>
              {t('unmatched')}
            </Typography.Text>
          )}
          {row.reference !== null && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, paddingLeft: 6 }}>
              {t('reference', {
                region: row.reference.region,
                baseline: row.reference.baseline.raw || t('missing'),
                target: row.reference.target.raw || t('missing'),
              })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('baseline'), key: 'baseline', width: 92, render: (_, row) => <PrintedValue value={row.baseline} /> },
    { title: t('target'), key: 'target', width: 92, render: (_, row) => <PrintedValue value={row.target} /> },
    {
      title: t('attribute'),
      key: 'attribute',
      width: 96,
      render: (_, row) => <AttributeTag attribute={row.attribute} />,
    },
    {
      title: t('detailsColumn'),
      key: 'details',
      width: 64,
      render: (_, row) => (
        <Link to={`/plans/${planId}/indicators/${row.rowNo}`} aria-label={t('detailsOf', { name: row.name })}>
          <LineChartOutlined /> {t('details')}
        </Link>
      ),
    },
  ];
  return (
    <Table<PlanIndicator>
      size="small"
      rowKey="rowNo"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('noIndicators') }}
      data-testid="indicator-table"
    />
  );
}
