/**
 * A figure's history: every version, newest first, with who wrote it, when, from where (a file's row, the form, the
 * published statistics) and why; and under each version the steps taken on it (submitted, returned with the
 * reviewer's words, approved, published).
 */
import { Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import { getObservationHistory } from '../../api/observations.ts';
import type { ObservationOrigin, ObservationVersion } from '../../api/observations.ts';
import { PageState } from '../../components/PageState.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useBilingual, useLocale, useT } from '../../i18n/index.tsx';
import { dataMessages } from './messages.ts';
import { WorkflowStatusTag } from './WorkflowStatusTag.tsx';

/** The figure whose history is open. */
export interface HistoryTarget {
  id: number;
  name: string;
  regionName: string;
  year: number;
}

const ORIGIN_LABEL: Readonly<Record<ObservationOrigin, keyof typeof dataMessages.zh>> = {
  api: 'originApi',
  file: 'originFile',
  form: 'originForm',
  statistics: 'originStatistics',
};

const ACTION_LABEL: Readonly<Record<ObservationVersion['events'][number]['action'], keyof typeof dataMessages.zh>> = {
  create: 'actionCreate',
  revise: 'actionRevise',
  correct: 'actionCorrect',
  submit: 'actionSubmit',
  approve: 'actionApprove',
  return: 'actionReturn',
  publish: 'actionPublish',
};

/** "2025-03-01 14:05" in the reader's locale. */
export function useDateTime(): (iso: string) => string {
  const { locale } = useLocale();
  return (iso) =>
    new Date(iso).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
}

function VersionItem({ version }: { version: ObservationVersion }) {
  const t = useT(dataMessages);
  const text = useBilingual();
  const when = useDateTime();
  const origin =
    version.fileName === null
      ? t(ORIGIN_LABEL[version.origin])
      : `${t(ORIGIN_LABEL[version.origin])} · ${t('fromFile', { file: version.fileName, row: version.fileRow ?? '—' })}`;
  const details = [
    { key: 'origin', label: t('origin'), children: origin },
    { key: 'source', label: t('source'), children: version.source ?? t('noSource') },
    ...(version.comment === null ? [] : [{ key: 'comment', label: t('comment'), children: version.comment }]),
    ...(version.reason === null ? [] : [{ key: 'reason', label: t('reason'), children: version.reason }]),
    ...(version.quote === null
      ? []
      : [{ key: 'quote', label: t('caveat'), children: t('quote', { quote: version.quote }) }]),
    ...(version.note === null
      ? []
      : [{ key: 'note', label: t('caveat'), children: t('note', { note: version.note }) }]),
    ...[version.seriesBreak, ...version.caveats]
      .filter((caveat) => caveat !== null)
      .map((caveat, index) => ({ key: `caveat-${String(index)}`, label: t('caveat'), children: text(caveat) })),
  ];
  return (
    <div data-testid="history-version">
      <Typography.Text strong>
        {t('versionN', { n: version.version })}：{text(version.display)}
      </Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {t('by', { who: version.createdBy ?? t('installation'), when: when(version.createdAt) })}
        </Typography.Text>
      </div>
      <Descriptions size="small" column={1} items={details} style={{ margin: '8px 0' }} />
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {version.events.map((event, index) => (
          <li key={index}>
            <Tag>{t(ACTION_LABEL[event.action])}</Tag>
            <WorkflowStatusTag status={event.to} />{' '}
            <Typography.Text type="secondary">
              {t('by', { who: event.by ?? t('installation'), when: when(event.at) })}
            </Typography.Text>
            {event.reason !== null && (
              <div>
                <Typography.Text type={event.action === 'return' ? 'danger' : undefined}>
                  {t('why', { reason: event.reason })}
                </Typography.Text>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The history of one figure in a drawer; closed while `target` is null. */
export function HistoryDrawer({ target, onClose }: { target: HistoryTarget | null; onClose: () => void }) {
  const t = useT(dataMessages);
  const id = target?.id ?? null;
  const { data, loading, error, reload } = useApi(() => (id === null ? null : getObservationHistory({ id })), [id]);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={520}
      title={
        target === null ? '' : t('historyTitle', { name: target.name, region: target.regionName, year: target.year })
      }
    >
      <PageState
        loading={loading || data === undefined}
        error={error}
        empty={data?.versions.length === 0}
        onRetry={reload}
      >
        <Timeline
          items={(data?.versions ?? []).map((version) => ({
            key: version.version,
            content: <VersionItem version={version} />,
          }))}
        />
      </PageState>
    </Drawer>
  );
}
