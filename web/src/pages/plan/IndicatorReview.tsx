/**
 * The indicator rows of a draft, each with its catalogue match and how sure the reader was: an approximate or missing
 * match is marked (a tinted row, an icon and the words 须确认) and must be confirmed before publishing. A row is
 * confirmed as read in one click, or corrected in the form that opens beneath it; an opened form stays mounted when
 * closed, so nothing typed is lost.
 */
import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../api/http.ts';
import { reviewIndicator } from '../../api/plan-detail.ts';
import type { CatalogueEntry, PlanIndicator } from '../../api/plan-detail.ts';
import { ErrorAlert } from '../../components/PageState.tsx';
import { useBilingual, useT } from '../../i18n/index.tsx';
import { asApiError } from './errors.ts';
import { AttributeTag, indicatorLabel, PrintedValue } from './IndicatorTable.tsx';
import { JumpButton } from './jump.tsx';
import { MATCH_METHOD_LABELS, needsReview } from './labels.ts';
import { planMessages } from './messages.ts';
import { ReviewRowForm } from './ReviewRowForm.tsx';
import { reviewMessages } from './review-messages.ts';

function MatchCell({ row }: { row: PlanIndicator }) {
  const t = useT(reviewMessages);
  const text = useBilingual();
  const { match } = row;
  const doubtful = needsReview(match.method);
  return (
    <div>
      <div>{match.name ?? <Typography.Text type="secondary">{t('noMatch')}</Typography.Text>}</div>
      <Tag
        color={doubtful ? 'orange' : 'default'}
        icon={doubtful ? <ExclamationCircleOutlined /> : undefined}
        data-match-method={match.method}
      >
        {text(MATCH_METHOD_LABELS[match.method])}
        {match.method === 'fuzzy' && match.confidence !== null
          ? ` · ${t('confidence', { p: `${Math.round(match.confidence * 100)}%` })}`
          : ''}
      </Tag>
      {match.candidates.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('candidates', { n: match.candidates.length })}
        </Typography.Text>
      )}
    </div>
  );
}

function StateCell({ row }: { row: PlanIndicator }) {
  const t = useT(reviewMessages);
  if (row.reviewed)
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('confirmed')}
      </Tag>
    );
  return needsReview(row.match.method) ? (
    <Tag color="orange" icon={<ExclamationCircleOutlined />}>
      {t('mustConfirm')}
    </Tag>
  ) : (
    <Tag icon={<MinusCircleOutlined />}>{t('unconfirmed')}</Tag>
  );
}

interface IndicatorReviewProps {
  planId: number;
  rows: PlanIndicator[];
  catalogue: CatalogueEntry[];
  lines: string[];
  editable: boolean;
  onSaved: (row: PlanIndicator) => void;
}

export function IndicatorReview({ planId, rows, catalogue, lines, editable, onSaved }: IndicatorReviewProps) {
  const t = useT(reviewMessages);
  const tp = useT(planMessages);
  const { message } = App.useApp();
  const [expanded, setExpanded] = useState<number[]>([]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const toggle = (rowNo: number) => {
    setExpanded((keys) => (keys.includes(rowNo) ? keys.filter((key) => key !== rowNo) : [...keys, rowNo]));
  };
  const confirm = async (row: PlanIndicator) => {
    setConfirming(row.rowNo);
    setError(null);
    try {
      onSaved(await reviewIndicator({ id: planId, rowNo: row.rowNo }, {}));
      void message.success(t('rowConfirmed', { n: row.rowNo }));
    } catch (failure) {
      setError(asApiError(failure));
    } finally {
      setConfirming(null);
    }
  };

  const columns: TableColumnsType<PlanIndicator> = [
    { title: t('colRow'), dataIndex: 'rowNo', width: 48 },
    {
      title: t('colIndicator'),
      key: 'name',
      render: (_, row) => (
        <div>
          {row.category !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 6 }}>
              {row.category}
            </Typography.Text>
          )}
          <JumpButton line={row.line}>{indicatorLabel(row)}</JumpButton>
        </div>
      ),
    },
    { title: tp('baseline'), key: 'baseline', width: 90, render: (_, row) => <PrintedValue value={row.baseline} /> },
    { title: tp('target'), key: 'target', width: 90, render: (_, row) => <PrintedValue value={row.target} /> },
    {
      title: tp('attribute'),
      key: 'attribute',
      width: 96,
      render: (_, row) => <AttributeTag attribute={row.attribute} />,
    },
    { title: t('colMatch'), key: 'match', width: 220, render: (_, row) => <MatchCell row={row} /> },
    { title: t('colState'), key: 'state', width: 96, render: (_, row) => <StateCell row={row} /> },
  ];
  if (editable) {
    columns.push({
      title: t('colActions'),
      key: 'actions',
      width: 140,
      render: (_, row) => (
        <Space size={4}>
          {!row.reviewed && (
            <Button
              size="small"
              loading={confirming === row.rowNo}
              aria-label={t('confirmRow', { n: row.rowNo, name: row.name })}
              onClick={() => void confirm(row)}
            >
              {t('confirm')}
            </Button>
          )}
          <Button
            size="small"
            type={expanded.includes(row.rowNo) ? 'default' : 'link'}
            aria-expanded={expanded.includes(row.rowNo)}
            aria-label={t('correctRow', { n: row.rowNo, name: row.name })}
            onClick={() => {
              toggle(row.rowNo);
            }}
          >
            {expanded.includes(row.rowNo) ? t('close') : t('correct')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <div>
      {error !== null && (
        <div style={{ marginBottom: 8 }}>
          <ErrorAlert error={error} />
        </div>
      )}
      <Table<PlanIndicator>
        size="small"
        rowKey="rowNo"
        columns={columns}
        dataSource={rows}
        pagination={false}
        onRow={(row) => ({
          style: needsReview(row.match.method) && !row.reviewed ? { background: '#fff7e6' } : undefined,
          'data-testid': `review-row-${row.rowNo}`,
        })}
        expandable={{
          expandedRowKeys: expanded,
          showExpandColumn: false,
          expandedRowRender: (row) => (
            <ReviewRowForm
              planId={planId}
              row={row}
              catalogue={catalogue}
              sourceText={lines[row.line - 1]}
              editable={editable}
              onSaved={(saved) => {
                onSaved(saved);
                toggle(saved.rowNo);
                void message.success(t('rowSaved', { n: saved.rowNo }));
              }}
              onCancel={() => {
                toggle(row.rowNo);
              }}
            />
          ),
        }}
      />
    </div>
  );
}
