/** Where a figure came from, in a few words: its published source (with the quote on hover), or the regions below. */
import { Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SeriesPoint, SourcedFigure } from '../../api/evaluation.ts';
import { useT } from '../../i18n/index.tsx';
import { isWebAddress, sourceLabel } from './figures.ts';
import { overviewMessages } from './messages.ts';

/** The source of an observed point: `figure` is the stored figure behind it, when found. */
export function FigureSource({ point, figure }: { point: SeriesPoint; figure: SourcedFigure | undefined }) {
  const t = useT(overviewMessages);
  if (point.provenance === 'computed') {
    const coverage = point.coverage ?? null;
    return (
      <Typography.Text type={coverage !== null && coverage.reporting < coverage.expected ? 'warning' : 'secondary'}>
        {coverage === null
          ? t('computed')
          : t('computedFrom', { reporting: coverage.reporting, expected: coverage.expected })}
      </Typography.Text>
    );
  }
  const source = figure?.source ?? null;
  if (source === null || source.trim() === '') {
    return <Typography.Text type="secondary">{t('sourceUnknown')}</Typography.Text>;
  }
  const label = sourceLabel(source);
  const shown = isWebAddress(source) ? (
    <a href={source} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
  return figure?.quote === null || figure?.quote === undefined ? (
    shown
  ) : (
    <Tooltip title={`“${figure.quote}”`}>{shown}</Tooltip>
  );
}

/** A link to the plan's source line (a baseline or target comes from the plan's own table). */
export function PlanLineLink({ planId, line }: { planId: number; line: number }) {
  const t = useT(overviewMessages);
  return <Link to={`/plans/${String(planId)}?line=${String(line)}`}>{t('planLine', { line })}</Link>;
}
