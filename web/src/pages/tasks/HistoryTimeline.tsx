/**
 * An item's history (append-only on the server): who changed what, when and why, newest first, each changed field
 * with its value before and after, and the evidence an entry added.
 */
import { Timeline, Typography } from 'antd';
import type { Changes } from '../../api/tracking.ts';
import { useLocale, useT } from '../../i18n/index.tsx';
import type { Bilingual } from '../../i18n/index.tsx';
import { formatTime } from './EvidencePanel.tsx';
import { tasksMessages } from './messages.ts';

/** One entry, as both histories share it. */
export interface HistoryEntry {
  id: string;
  at: string;
  action: 'track' | 'evidence' | 'create' | 'edit' | 'progress';
  by: string | null;
  note: string | null;
  changes: Changes;
  evidence: { id: number; title: string | null } | null;
}

const FIELD_LABELS: Readonly<Record<string, Bilingual>> = {
  achieved: { zh: '累计完成量', en: 'achieved' },
  responsibleUnit: { zh: '责任单位', en: 'responsible unit' },
  deadline: { zh: '期限', en: 'deadline' },
  title: { zh: '任务名称', en: 'title' },
  leadUnit: { zh: '牵头单位', en: 'lead unit' },
  partnerUnits: { zh: '配合单位', en: 'partner units' },
  regions: { zh: '地区', en: 'regions' },
  milestones: { zh: '里程碑', en: 'milestones' },
  progress: { zh: '进度（%）', en: 'progress (%)' },
};

/** A recorded value in words: lists joined, a milestone as "title（due）". */
function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.map((one) => valueText(one, empty)).join('、');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.title === 'string') {
      return typeof record.due === 'string' ? `${record.title}（${record.due}）` : record.title;
    }
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function HistoryTimeline({ items }: { items: HistoryEntry[] }) {
  const t = useT(tasksMessages);
  const { locale } = useLocale();
  const fieldName = (field: string): string => {
    const milestone = /^milestones\.(\d+)\.doneAt$/.exec(field);
    if (milestone !== null) {
      return locale === 'zh' ? `第 ${milestone[1] ?? ''} 个里程碑完成日期` : `milestone ${milestone[1] ?? ''} done`;
    }
    return FIELD_LABELS[field]?.[locale] ?? field;
  };
  const actionText: Record<HistoryEntry['action'], string> = {
    track: t('actionTrack'),
    evidence: t('actionEvidence'),
    create: t('actionCreate'),
    edit: t('actionEdit'),
    progress: t('actionProgress'),
  };
  if (items.length === 0) return <Typography.Text type="secondary">{t('noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="history"
      items={[...items].reverse().map((entry) => ({
        key: entry.id,
        content: (
          <div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatTime(entry.at)}</div>
            <Typography.Text strong>{actionText[entry.action]}</Typography.Text>{' '}
            <Typography.Text type="secondary">{entry.by ?? t('unknownUser')}</Typography.Text>
            {Object.entries(entry.changes).map(([field, change]) => (
              <div key={field}>
                {t('changed', {
                  field: fieldName(field),
                  from: valueText(change.from, t('empty')),
                  to: valueText(change.to, t('empty')),
                })}
              </div>
            ))}
            {entry.evidence !== null && <div>{entry.evidence.title ?? `#${String(entry.evidence.id)}`}</div>}
            {entry.note !== null && <div style={{ color: '#595959' }}>「{entry.note}」</div>}
          </div>
        ),
      }))}
    />
  );
}
