/**
 * A plan's figures with where each comes from: the baseline and the target from the plan's text (its line), the
 * latest published figure with its year and source, and 暂无数据 where there is none (never a 0).
 */
import { Typography } from 'antd';
import type { PublicIndicatorProgress, PublishedFigure } from '../../api/public.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import { figureOf, figureText, pointText, sourceHref, sourceLabel } from './figures.ts';
import { publicMessages } from './messages.ts';

const small = { fontSize: 12, display: 'block' } as const;

/** Where a published figure was published: its source as a link (or text), or that none was given. */
export function SourceNote({ figure, bare = false }: { figure: PublishedFigure | undefined; bare?: boolean }) {
  const t = useT(publicMessages);
  // Under a column headed 出处 the word is said once, by the header.
  const prefix = bare ? '' : `${t('source')}${t('colon')}`;
  if (figure === undefined || figure.source === null || figure.source.trim() === '') {
    return (
      <Typography.Text type="secondary" style={small}>
        {prefix}
        {t('noSource')}
      </Typography.Text>
    );
  }
  const href = sourceHref(figure.source);
  return (
    <Typography.Text type={bare ? undefined : 'secondary'} style={small} data-testid="figure-source">
      {prefix}
      {href === null ? (
        figure.source
      ) : (
        <a href={href} target="_blank" rel="noopener noreferrer" title={figure.quote ?? figure.source}>
          {sourceLabel(figure.source)}
        </a>
      )}
    </Typography.Text>
  );
}

/** No figure: says so, in grey, so a gap is never read as a value. */
export function NoData() {
  const t = useT(publicMessages);
  return (
    <Typography.Text type="secondary" data-testid="no-data">
      {t('noData')}
    </Typography.Text>
  );
}

/** The plan's baseline, with its year and the plan's line. */
export function BaselineCell({ item }: { item: PublicIndicatorProgress }) {
  const t = useT(publicMessages);
  const { locale } = useLocale();
  if (item.baseline === null) return <NoData />;
  return (
    <span>
      <Typography.Text>{pointText(item.baseline, item.unit, locale)}</Typography.Text>
      <Typography.Text type="secondary" style={small}>
        {t('yearValue', { year: item.baseline.year })} · {t('planLine', { line: item.line })}
      </Typography.Text>
    </span>
  );
}

/** The plan's target, with its comparator, year and the plan's line. */
export function TargetCell({ item }: { item: PublicIndicatorProgress }) {
  const t = useT(publicMessages);
  const { locale } = useLocale();
  if (item.target === null) return <NoData />;
  return (
    <span>
      <Typography.Text>{figureText(item.target.value, item.unit, locale, item.target.comparator)}</Typography.Text>
      <Typography.Text type="secondary" style={small}>
        {t('yearValue', { year: item.target.year })} · {t('planLine', { line: item.line })}
      </Typography.Text>
    </span>
  );
}

/** The latest published figure after the baseline: value, year, and its source (or that it was summed). */
export function LatestCell({
  item,
  figures,
}: {
  item: PublicIndicatorProgress;
  /** undefined while the sources are loading: no source line rather than a wrong "none given". */
  figures: readonly PublishedFigure[] | undefined;
}) {
  const t = useT(publicMessages);
  const { locale } = useLocale();
  if (item.latest === null) return <NoData />;
  return (
    <span data-testid="latest-figure">
      <Typography.Text strong>{pointText(item.latest, item.unit, locale)}</Typography.Text>
      <Typography.Text type="secondary" style={small}>
        {t('yearValue', { year: item.latest.year })}
      </Typography.Text>
      {item.latest.provenance === 'computed' ? (
        <Typography.Text type="secondary" style={small}>
          {t('source')}
          {t('colon')}
          {item.latest.coverage === null || item.latest.coverage === undefined
            ? t('computed')
            : t('computedFrom', { reporting: item.latest.coverage.reporting, expected: item.latest.coverage.expected })}
        </Typography.Text>
      ) : (
        figures !== undefined && <SourceNote figure={figureOf(figures, item, item.latest.year)} />
      )}
    </span>
  );
}
