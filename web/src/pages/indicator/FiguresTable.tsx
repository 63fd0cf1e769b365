/** The figures the evaluation read for the region, year by year, each with its source and the words it quotes. */
import { Table, Tag, Typography } from 'antd';
import type { IndicatorProgress, SeriesPoint, SourcedFigure } from '../../api/evaluation.ts';
import { useT } from '../../i18n/index.tsx';
import { figureOf, formatValue } from '../overview/figures.ts';
import type { FigureIndex } from '../overview/figures.ts';
import { FigureSource } from '../overview/FigureSource.tsx';
import { overviewMessages } from '../overview/messages.ts';
import { indicatorMessages } from './messages.ts';

type FigureStateKey = 'figureDraft' | 'figureSubmitted' | 'figureApproved' | 'figurePublished';

const STATES: Readonly<Record<SourcedFigure['status'], FigureStateKey>> = {
  draft: 'figureDraft',
  submitted: 'figureSubmitted',
  approved: 'figureApproved',
  published: 'figurePublished',
};

interface Row {
  point: SeriesPoint;
  figure: SourcedFigure | undefined;
}

export function FiguresTable({ item, figures }: { item: IndicatorProgress; figures: FigureIndex | undefined }) {
  const t = useT(indicatorMessages);
  const o = useT(overviewMessages);
  if (item.series.length === 0) {
    return <Typography.Text type="secondary">{t('noObservations')}</Typography.Text>;
  }
  const rows: Row[] = [...item.series]
    .sort((a, b) => b.year - a.year)
    .map((point) => ({ point, figure: figureOf(figures, item.indicator, point) }));
  return (
    <Table<Row>
      size="small"
      pagination={false}
      rowKey={(row) => row.point.year}
      dataSource={rows}
      data-testid="figures-table"
      columns={[
        { title: t('colYear'), key: 'year', width: 64, render: (_, row) => row.point.year },
        {
          title: t('colValue'),
          key: 'value',
          width: 110,
          render: (_, row) => formatValue(row.point.value, item.unit, row.point.qualifier, o('atLeast')),
        },
        {
          title: t('colSource'),
          key: 'source',
          width: 180,
          ellipsis: true,
          render: (_, row) =>
            figures === undefined && row.point.provenance === 'reported' ? null : (
              <FigureSource point={row.point} figure={row.figure} />
            ),
        },
        {
          title: t('colQuote'),
          key: 'quote',
          ellipsis: { showTitle: true },
          render: (_, row) => row.figure?.quote ?? '',
        },
        {
          title: t('colStatus'),
          key: 'status',
          width: 84,
          render: (_, row) => (row.figure === undefined ? '' : <Tag>{t(STATES[row.figure.status])}</Tag>),
        },
      ]}
    />
  );
}
